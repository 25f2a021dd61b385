import { useId, useState, type FormEvent } from 'react';
import { FormAlert } from '../../../ui/FormAlert';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { fieldIssues } from '../../../ui/fieldIssues';
import { parseKeywords, type KeywordReply } from './automation';

export type KeywordReplyInput = Pick<KeywordReply, 'keywords' | 'matchType' | 'replyText' | 'enabled'>;

type Props = { initial?: KeywordReplyInput; submitLabel: string; onSubmit: (input: KeywordReplyInput) => Promise<void>; onCancel?: () => void };

const MATCH_OPTIONS = [
  { value: 'exact', label: 'The message is the keyword' },
  { value: 'contains', label: 'The message contains the keyword' },
];

// Creating and editing a keyword reply share this form.
export function KeywordReplyForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const id = useId();
  const [keywords, setKeywords] = useState(initial?.keywords.join(', ') ?? '');
  const [matchType, setMatchType] = useState<KeywordReply['matchType']>(initial?.matchType ?? 'exact');
  const [replyText, setReplyText] = useState(initial?.replyText ?? '');
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [errors, setErrors] = useState<{ keywords?: string; replyText?: string; form: string[] }>({ form: [] });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const list = parseKeywords(keywords);
    const local = { keywords: list.length ? undefined : 'Give at least one keyword.', replyText: replyText.trim() ? undefined : 'Write the reply.', form: [] };
    if (local.keywords || local.replyText) return setErrors(local);
    setBusy(true);
    try {
      await onSubmit({ keywords: list, matchType, replyText: replyText.trim(), enabled });
      setErrors({ form: [] });
      if (!initial) {
        setKeywords('');
        setReplyText('');
      }
    } catch (error) {
      const found = fieldIssues(error, ['keywords', 'replyText'] as const);
      setErrors({ ...found.fields, form: found.form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" noValidate onSubmit={(e) => void submit(e)}>
      {errors.form.length > 0 && <FormAlert>{errors.form.map((m) => <p key={m}>{m}</p>)}</FormAlert>}
      <TextField id={`${id}-keywords`} label="Keywords" hint="Separate keywords with commas, e.g. price, prices. Case, accents and punctuation are ignored." autoComplete="off" value={keywords} error={errors.keywords} onChange={(e) => setKeywords(e.target.value)} />
      <SelectField id={`${id}-match`} label="Match when" options={MATCH_OPTIONS} value={matchType} onChange={(e) => setMatchType(e.target.value as KeywordReply['matchType'])} />
      <div className="field">
        <label htmlFor={`${id}-reply`}>Reply</label>
        <textarea id={`${id}-reply`} rows={3} maxLength={4096} value={replyText} aria-invalid={errors.replyText ? true : undefined} aria-describedby={errors.replyText ? `${id}-reply-error` : undefined} onChange={(e) => setReplyText(e.target.value)} />
        {errors.replyText && <p id={`${id}-reply-error`} className="field-error">{errors.replyText}</p>}
      </div>
      <label className="field field-checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>Enabled</span>
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" aria-disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
        {onCancel && <button type="button" className="button" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
