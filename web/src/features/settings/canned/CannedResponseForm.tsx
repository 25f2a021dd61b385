import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '../../../ui/FormAlert';
import { TextField } from '../../../ui/TextField';
import { useFormErrors } from '../../../ui/useFormErrors';
import type { CannedResponseInput } from './cannedResponse';

type Props = { initial?: CannedResponseInput; submitLabel: string; onSubmit: (input: CannedResponseInput) => Promise<void>; onCancel?: () => void };

// A canned response: the word typed after "/" in a reply, and the text it puts there.
export function CannedResponseForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [shortcut, setShortcut] = useState(initial?.shortcut ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['shortcut', 'text'] as const);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const input = { shortcut: shortcut.trim().replace(/^\//, ''), text: text.trim() };
    const missing = {
      ...(input.shortcut ? {} : { shortcut: 'Type a short word to call it up, for example “hours”.' }),
      ...(input.text ? {} : { text: 'Type the reply your team will send.' }),
    };
    if (Object.keys(missing).length) return errors.set(missing);
    setBusy(true);
    try {
      await onSubmit(input);
      if (!initial) { setShortcut(''); setText(''); }
      errors.reset();
    } catch (failure) {
      errors.refuse(failure);
    } finally {
      setBusy(false);
    }
  };

  const textId = `${id}-text`;
  return (
    <form className="canned-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField id={`${id}-shortcut`} label="Shortcut" hint="Type “/” and this word in a reply to insert the text." value={shortcut} maxLength={50}
        error={errors.fields.shortcut} onChange={(event) => { setShortcut(event.target.value); errors.fixing('shortcut'); }} />
      <div className="field">
        <label htmlFor={textId}>Reply text</label>
        <textarea id={textId} rows={3} value={text} aria-invalid={errors.fields.text ? true : undefined} aria-describedby={errors.fields.text ? `${textId}-error` : undefined}
          onChange={(event) => { setText(event.target.value); errors.fixing('text'); }} />
        {errors.fields.text && <p id={`${textId}-error`} className="field-error">{errors.fields.text}</p>}
      </div>
      <div className="item-actions">
        <button type="submit" className="button button-primary" aria-disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" className="button button-quiet" onClick={onCancel}>Cancel</button>}
      </div>
      {errors.form.length > 0 && <FormAlert>{errors.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>}
    </form>
  );
}
