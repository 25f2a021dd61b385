import { sql } from 'kysely';
import type { TenantTx } from '../db';
import type { EventType, StoredEvent } from './event-types';

/**
 * A reader's place in a workspace's events: the writing transaction's id (xid8, as text) and the
 * event id. Readers take only events of transactions older than every running one, in
 * (txId, id) order, so a transaction that commits late can never fall behind a reader (see
 * migration 0007). Server-sent events and the webhook fan-out both read through this.
 */
export interface FeedPosition {
  txId: string;
  id: number;
}

interface FeedRow {
  id: number;
  tx_id: string;
  type: string;
  data: unknown;
  created_at: Date;
}

export type FeedEvent = StoredEvent & { position: FeedPosition };

const toEvent = (r: FeedRow): FeedEvent => ({
  id: Number(r.id),
  type: r.type as EventType,
  data: r.data as never,
  createdAt: new Date(r.created_at),
  position: { txId: String(r.tx_id), id: Number(r.id) },
});

/** Where a new reader starts: everything already committed is behind it, nothing pending is. */
export async function feedHead(tx: TenantTx): Promise<FeedPosition> {
  const { rows } = await sql<{ xmin: string }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(tx);
  // (xmin, 0) sorts before every event of a transaction at or after xmin, after all older ones.
  return { txId: rows[0]!.xmin, id: 0 };
}

/** Committed events after `position`, in commit-safe order. */
export async function committedEventsAfter(tx: TenantTx, workspaceId: string, position: FeedPosition, limit = 500): Promise<FeedEvent[]> {
  const { rows } = await sql<FeedRow>`
    select id, tx_id::text as tx_id, type, data, created_at from events
    where workspace_id = ${workspaceId}
      and (tx_id, id) > (${position.txId}::xid8, ${position.id})
      and tx_id < pg_snapshot_xmin(pg_current_snapshot())
    order by tx_id, id
    limit ${limit}`.execute(tx);
  return rows.map(toEvent);
}

/**
 * Events of the workspace after event `afterId` up to `upTo` (inclusive): how a stream resumes from
 * a Last-Event-ID. When that event still exists the replay starts exactly at its position;
 * otherwise (purged, or never this workspace's) it falls back to ids above it.
 */
export async function committedEventsBetween(tx: TenantTx, workspaceId: string, afterId: number, upTo: FeedPosition, limit = 1000): Promise<FeedEvent[]> {
  const { rows: found } = await sql<{ tx_id: string }>`select tx_id::text as tx_id from events where workspace_id = ${workspaceId} and id = ${afterId}`.execute(tx);
  const from = found[0] ? sql`(tx_id, id) > (${found[0].tx_id}::xid8, ${afterId})` : sql`id > ${afterId}`;
  const { rows } = await sql<FeedRow>`
    select id, tx_id::text as tx_id, type, data, created_at from events
    where workspace_id = ${workspaceId} and ${from}
      and (tx_id, id) <= (${upTo.txId}::xid8, ${upTo.id})
    order by tx_id, id
    limit ${limit}`.execute(tx);
  return rows.map(toEvent);
}

/** One event of the workspace by id (outgoing webhooks build each delivery from it). */
export async function findEvent(tx: TenantTx, workspaceId: string, id: number): Promise<StoredEvent | undefined> {
  const { rows } = await sql<FeedRow>`select id, tx_id::text as tx_id, type, data, created_at from events where workspace_id = ${workspaceId} and id = ${id}`.execute(tx);
  return rows[0] ? toEvent(rows[0]) : undefined;
}
