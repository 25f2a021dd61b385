import { useId, useRef } from 'react';
import { ATTACH_ACCEPT } from './uploadMedia';

type Props = { file: File | null; onChange: (file: File | null) => void };

// A file to send with the reply: the button opens the browser's file picker (the input itself is
// hidden from keyboard and screen readers, which use the button); the chosen file is named with a
// way to drop it.
export function AttachButton({ file, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const clear = () => {
    onChange(null);
    if (input.current) input.current.value = '';
  };
  return (
    <div className="composer-attach">
      <input id={inputId} ref={input} type="file" className="visually-hidden" tabIndex={-1} aria-hidden="true" accept={ATTACH_ACCEPT} onChange={(e) => onChange(e.target.files?.[0] ?? null)} />
      <button type="button" className="button button-quiet" onClick={() => input.current?.click()}>Attach</button>
      {file && (
        <p className="composer-file">
          <span>Attached: {file.name}</span>{' '}
          <button type="button" className="link-button" onClick={clear}>Remove attachment</button>
        </p>
      )}
    </div>
  );
}
