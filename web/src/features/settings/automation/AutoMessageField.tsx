import { useId } from 'react';
import type { AutoMessage } from './automation';

type Props = { legend: string; hint: string; value: AutoMessage; error?: string; onChange: (value: AutoMessage) => void };

// An automatic message: on or off, and its text (required while it is on).
export function AutoMessageField({ legend, hint, value, error, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="automation-group">
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      <label className="field field-checkbox">
        <input type="checkbox" checked={value.enabled} onChange={(e) => onChange({ ...value, enabled: e.target.checked })} />
        <span>Send it</span>
      </label>
      <div className="field">
        <label htmlFor={`${id}-text`}>Text</label>
        <textarea id={`${id}-text`} rows={3} maxLength={4096} value={value.text} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange({ ...value, text: e.target.value })} />
        {error && <p id={`${id}-error`} className="field-error">{error}</p>}
      </div>
    </fieldset>
  );
}
