import { useEffect, useRef } from 'react';
import { CopyField } from '../../../ui/CopyField';
import type { CreatedSubscription } from './webhook';

// The signing secret exists in readable form only in the creation response: shown once, to be copied.
export function NewSecretNotice({ created, onDone }: { created: CreatedSubscription; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card notice notice-warning" aria-labelledby="new-secret-title">
      <h2 id="new-secret-title" ref={headingRef} tabIndex={-1}>Signing secret for <bdi>{created.url}</bdi></h2>
      <p><strong>Copy it now: it will not be shown again.</strong> Your endpoint checks each delivery’s <code>X-WhatGrow-Signature</code> header (<code>t=…,v1=…</code>, an HMAC-SHA256 of <code>t.body</code>) with it.</p>
      <CopyField label="Signing secret" value={created.secret} />
      <button type="button" className="button" onClick={onDone}>I have copied the secret</button>
    </section>
  );
}
