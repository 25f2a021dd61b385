import { DataTable, type Column } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/formatDate';
import type { AuditEvent } from './auditEvent';

const COLUMNS: Column<AuditEvent>[] = [
  { header: '#', cell: (event) => event.seq },
  { header: 'When', cell: (event) => formatDateTime(event.at) },
  { header: 'Action', cell: (event) => <code className="action">{event.action}</code> },
  { header: 'By', cell: (event) => <>{event.actor.type}{event.actor.id && <> <code className="id">{event.actor.id}</code></>}{event.ip && <> from {event.ip}</>}</> },
  { header: 'On', cell: (event) => (event.target ? <>{event.target.type} <code className="id">{event.target.id}</code></> : '—') },
  { header: 'Details', cell: (event) => (Object.keys(event.details).length > 0 ? <code>{JSON.stringify(event.details)}</code> : '—') },
];

// Ids are long: the table scrolls sideways on a phone rather than squeezing them.
export function AuditEventTable({ events }: { events: AuditEvent[] }) {
  return <DataTable rows={events} columns={COLUMNS} rowKey={(event) => event.id} label="Audit events, scrollable" />;
}
