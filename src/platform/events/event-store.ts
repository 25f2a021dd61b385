import type { TenantTx } from '../db';
import type { EventDataByType, EventType, StoredEvent } from './event-types';

/** Records an event in the caller's transaction: it exists exactly when the change it describes does. */
export async function publishEvent<T extends EventType>(tx: TenantTx, workspaceId: string, type: T, data: EventDataByType[T]): Promise<void> {
  await tx.insertInto('events').values({ workspace_id: workspaceId, type, data: JSON.stringify(data) }).execute();
}

/** Several events in one statement (hot paths: inbound batches), in the given order. */
export async function publishEvents(tx: TenantTx, workspaceId: string, events: { [T in EventType]: { type: T; data: EventDataByType[T] } }[EventType][]): Promise<void> {
  if (!events.length) return;
  await tx
    .insertInto('events')
    .values(events.map((e) => ({ workspace_id: workspaceId, type: e.type, data: JSON.stringify(e.data) })))
    .execute();
}

/** Events after `afterId` (exclusive), oldest first: how readers resume where they stopped. */
export async function eventsAfter(tx: TenantTx, workspaceId: string, afterId: number, limit = 500): Promise<StoredEvent[]> {
  const rows = await tx
    .selectFrom('events')
    .select(['id', 'type', 'data', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '>', afterId)
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), type: r.type as EventType, data: r.data as never, createdAt: r.created_at }));
}

/** The newest event id, where a new reader without Last-Event-ID starts. */
export async function latestEventId(tx: TenantTx, workspaceId: string): Promise<number> {
  const row = await tx.selectFrom('events').select((eb) => eb.fn.max('id').as('id')).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return Number(row?.id ?? 0);
}
