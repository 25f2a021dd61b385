import { useEffect, useRef } from 'react';
import { CopyField } from '../../../ui/CopyField';
import type { CreatedKey } from './apiKey';

// The key exists in readable form only in this response: show it once, say so, and let it be copied.
export function NewKeyNotice({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card notice notice-warning" aria-labelledby="new-key-title">
      <h2 id="new-key-title" ref={headingRef} tabIndex={-1}>Your new key “<bdi>{created.name}</bdi>”</h2>
      <p><strong>Copy it now: it will not be shown again.</strong> Store it as a secret; anyone who has it can act on this workspace with the {created.role} role.</p>
      <CopyField label="API key" value={created.key} />
      <button type="button" className="button" onClick={onDone}>I have copied the key</button>
    </section>
  );
}
