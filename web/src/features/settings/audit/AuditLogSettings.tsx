import { usePageTitle } from '../../../app/usePageTitle';
import { AuditEventTable } from './AuditEventTable';
import { useAuditPages } from './useAuditPages';
import { VerifyChain } from './VerifyChain';

export function AuditLogSettings() {
  usePageTitle('Audit log');
  const log = useAuditPages();
  return (
    <>
      <h1>Audit log</h1>
      <p>Every change to the workspace and every read of message content, newest first. Entries are hash-chained, so an edited or deleted entry is detected.</p>
      <VerifyChain />
      <section aria-labelledby="audit-events-title">
        <h2 id="audit-events-title">Events</h2>
        {log.events.length > 0 && <AuditEventTable events={log.events} />}
        {log.status === 'loading' && <p role="status">Loading the audit log…</p>}
        {log.error && (
          <div className="form-alert" role="alert">
            <p>Could not load the audit log: {log.error}</p>
          </div>
        )}
        {log.status === 'idle' && log.events.length === 0 && <p>No events yet.</p>}
        {log.hasMore && log.status !== 'loading' && (
          <button type="button" className="button" onClick={log.loadMore}>{log.error ? 'Try again' : 'Load older events'}</button>
        )}
      </section>
    </>
  );
}
