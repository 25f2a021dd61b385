import type { Kysely } from 'kysely';
import type { TenantTx } from '../../../platform/db';

interface AuditTables {
  audit_heads: { workspace_id: string; seq: number; hash: string };
  audit_events: {
    workspace_id: string;
    seq: number;
    id: string;
    at: Date;
    actor_type: string;
    actor_id: string | null;
    action: string;
    target_type: string | null;
    target_id: string | null;
    ip: string | null;
    details: Record<string, unknown>;
    prev_hash: string;
    hash: string;
  };
}
export type AuditEventRow = AuditTables['audit_events'];


/** Locks the workspace's chain head for this transaction, creating it on first use. */
export async function lockHead(tx: TenantTx, workspaceId: string, genesis: string) {
  await tx.insertInto('audit_heads').values({ workspace_id: workspaceId, seq: 0, hash: genesis }).onConflict((oc) => oc.doNothing()).execute();
  return tx.selectFrom('audit_heads').select(['seq', 'hash']).where('workspace_id', '=', workspaceId).forUpdate().executeTakeFirstOrThrow();
}

export async function appendEvent(tx: TenantTx, row: AuditEventRow) {
  await tx.insertInto('audit_events').values(row).execute();
  await tx.updateTable('audit_heads').set({ seq: row.seq, hash: row.hash }).where('workspace_id', '=', row.workspace_id).execute();
}

export function findHead(tx: TenantTx, workspaceId: string) {
  return tx.selectFrom('audit_heads').select(['seq', 'hash']).where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export function eventsAfter(tx: TenantTx, workspaceId: string, afterSeq: number, limit: number) {
  return tx
    .selectFrom('audit_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('seq', '>', afterSeq)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute();
}

export function listEvents(tx: TenantTx, workspaceId: string, beforeSeq: number | undefined, limit: number) {
  let query = tx.selectFrom('audit_events').selectAll().where('workspace_id', '=', workspaceId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).execute();
}
