import { useState } from 'react';
import { useApi } from '../../dashboard/useApi';

// Pulls every template of the WhatsApp Business Account, including those made in Meta's own tools.
export function SyncTemplatesButton({ channelId, onSynced }: { channelId?: string; onSynced: () => void }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const sync = async () => {
    if (busy) return;
    setBusy(true);
    setResult(null);
    try {
      const { synced } = await api<{ synced: number }>('/templates/sync', 'POST', channelId ? { channelId } : {});
      setResult({ ok: true, text: `Synced ${synced} template${synced === 1 ? '' : 's'} from your WhatsApp Business Account.` });
      onSynced();
    } catch (error) {
      setResult({ ok: false, text: `Could not sync: ${error instanceof Error ? error.message : 'something went wrong.'}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sync-templates">
      <button type="button" className="button" aria-disabled={busy} onClick={() => void sync()}>{busy ? 'Syncing…' : 'Sync from WhatsApp'}</button>
      <p role="status" className={result?.ok === false ? 'field-error' : 'success'}>{result?.text}</p>
    </div>
  );
}
