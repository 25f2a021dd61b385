import type { Selectable } from 'kysely';
import type { DB, TenantTx } from '../../../platform/db';

/** An audit event as stored, `details` (jsonb) narrowed to the object appendEvent writes there. */
export type AuditEventRow = Omit<Selectable<DB['audit_events']>, 'details'> & { details: Record<string, unknown> };

/** Locks the workspace's chain head for this transaction, creating it on first use. */
export async function lockHead(tx: TenantTx, workspaceId: string, genesis: string) {
  await tx.insertInto('audit_heads').values({ workspace_id: workspaceId, seq: 0, hash: genesis }).onConflict((oc) => oc.doNothing()).execute();
  return tx.selectFrom('audit_heads').select(['seq', 'hash']).where('workspace_id', '=', workspaceId).forUpdate().executeTakeFirstOrThrow();
}

export async function appendEvent(tx: TenantTx, row: AuditEventRow) {
  await tx.insertInto('audit_events').values({ ...row, details: JSON.stringify(row.details) }).execute();
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
    .$castTo<AuditEventRow>()
    .execute();
}

export function listEvents(tx: TenantTx, workspaceId: string, beforeSeq: number | undefined, limit: number) {
  let query = tx.selectFrom('audit_events').selectAll().where('workspace_id', '=', workspaceId);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).$castTo<AuditEventRow>().execute();
}
