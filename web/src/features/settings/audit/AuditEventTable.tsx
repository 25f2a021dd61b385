import { formatDateTime } from '../../../ui/formatDate';
import type { AuditEvent } from './auditEvent';

// Ids are long: the table scrolls sideways on a phone rather than squeezing them; the region is
// focusable so the keyboard can scroll it too.
export function AuditEventTable({ events }: { events: AuditEvent[] }) {
  return (
    <div className="table-scroll" role="region" aria-label="Audit events, scrollable" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">By</th>
            <th scope="col">On</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>{event.seq}</td>
              <td>{formatDateTime(event.at)}</td>
              <td><code className="action">{event.action}</code></td>
              <td>{event.actor.type}{event.actor.id && <> <code className="id">{event.actor.id}</code></>}{event.ip && <> from {event.ip}</>}</td>
              <td>{event.target ? <>{event.target.type} <code className="id">{event.target.id}</code></> : '—'}</td>
              <td>{Object.keys(event.details).length > 0 ? <code>{JSON.stringify(event.details)}</code> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
