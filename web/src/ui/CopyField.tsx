import { useId, useRef, useState } from 'react';

// A secret or link to take elsewhere: shown in a read-only field (select it by hand if the clipboard is
// unavailable) with a button that copies it and says so.
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('Copied to the clipboard.');
    } catch {
      inputRef.current?.select();
      setStatus('Could not copy automatically: the text is selected, press Ctrl+C (⌘C on a Mac).');
    }
  };

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        <input id={id} ref={inputRef} type="text" readOnly value={value} spellCheck={false} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy()}>Copy<span className="visually-hidden"> {label}</span></button>
      </div>
      <p className="field-hint" role="status">{status}</p>
    </div>
  );
}
