import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '../../../ui/FormAlert';
import { TextField } from '../../../ui/TextField';
import { useFormErrors } from '../../../ui/useFormErrors';
import { DEFAULT_LABEL_COLOR, type LabelInput } from './label';

type Props = { initial?: LabelInput; submitLabel: string; onSubmit: (input: LabelInput) => Promise<void>; onCancel?: () => void };

// A label's name and colour, for a new label or a rename.
export function LabelForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [color, setColor] = useState(initial?.color ?? DEFAULT_LABEL_COLOR);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['name', 'color'] as const);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) return errors.set({ name: 'Type a name for the label, for example “VIP” or “Wholesale”.' });
    setBusy(true);
    try {
      await onSubmit({ name: name.trim(), color });
      if (!initial) setName('');
      errors.reset();
    } catch (failure) {
      errors.refuse(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField id={`${id}-name`} label="Label name" value={name} maxLength={50} error={errors.fields.name}
        onChange={(event) => { setName(event.target.value); errors.fixing('name'); }} />
      <div className="field label-color-field">
        <label htmlFor={`${id}-color`}>Colour</label>
        <input id={`${id}-color`} type="color" value={color} onChange={(event) => { setColor(event.target.value); errors.fixing('color'); }} />
      </div>
      <button type="submit" className="button button-primary" aria-disabled={busy}>{submitLabel}</button>
      {onCancel && <button type="button" className="button button-quiet" onClick={onCancel}>Cancel</button>}
      {errors.form.length > 0 && <FormAlert>{errors.form.map((message) => <p key={message}>{message}</p>)}</FormAlert>}
    </form>
  );
}
