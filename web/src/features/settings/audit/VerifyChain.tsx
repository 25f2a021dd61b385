import { useState } from 'react';
import { useApi } from '../../../dashboard/useApi';
import type { ChainCheck } from './auditEvent';

// Recomputes the workspace's hash chain on the server and says whether every entry is intact.
export function VerifyChain() {
  const api = useApi();
  const [result, setResult] = useState<{ check?: ChainCheck; error?: string } | null>(null);
  const [checking, setChecking] = useState(false);

  const verify = async () => {
    if (checking) return;
    setChecking(true);
    try {
      setResult({ check: await api<ChainCheck>('/audit-events/verify') });
    } catch (failure) {
      setResult({ error: failure instanceof Error ? failure.message : 'Could not verify the chain.' });
    } finally {
      setChecking(false);
    }
  };

  const check = result?.check;
  return (
    <section className="card verify-chain" aria-labelledby="verify-title">
      <h2 id="verify-title">Integrity</h2>
      <button type="button" className="button" aria-disabled={checking} onClick={() => void verify()}>
        {checking ? 'Verifying…' : 'Verify chain'}
      </button>
      <div role="status" className="verify-result">
        {check?.valid && <p className="chain-valid">✓ Valid: all {check.count} entries are intact.</p>}
        {check && !check.valid && (
          <p className="chain-invalid">✗ Invalid: the chain is broken{check.brokenAtSeq !== undefined ? ` at entry ${check.brokenAtSeq}` : ''}. An entry was edited or removed.</p>
        )}
        {result?.error && <p className="field-error">{result.error}</p>}
      </div>
    </section>
  );
}
