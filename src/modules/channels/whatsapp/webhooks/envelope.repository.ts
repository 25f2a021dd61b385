import { sql } from 'kysely';
import type { AnyDb, TenantTx } from '../../../../platform/db';

export interface NewEnvelope {
  workspaceId: string;
  body: Buffer;
  accepted: string[];
  customerTokens: string[];
}

/** Ingress stores envelopes before it knows more than the routing table says: one multi-row insert. */
export async function unsafeInsertEnvelopes(db: AnyDb, rows: NewEnvelope[]): Promise<void> {
  await db
    .insertInto('webhook_envelopes')
    .values(rows.map((r) => ({ workspace_id: r.workspaceId, body: r.body, accepted: r.accepted, customer_tokens: r.customerTokens })) as never)
    .execute();
}

/** Workspaces with envelopes waiting, oldest first-ish; read before any tenant is chosen. */
export async function unsafePendingWorkspaces(db: AnyDb, limit: number, maxAttempts: number): Promise<string[]> {
  const { rows } = await sql<{ workspace_id: string }>`
    select distinct workspace_id from webhook_envelopes where processed_at is null and attempts < ${maxAttempts} limit ${limit}`.execute(db);
  return rows.map((r) => r.workspace_id);
}

export interface ClaimedEnvelope {
  id: number;
  body: Buffer;
  accepted: string[];
}

/** Claims pending envelopes of one workspace, oldest first; locks hold until the transaction ends. */
export async function claimEnvelopes(tx: TenantTx, workspaceId: string, limit: number, maxAttempts: number): Promise<ClaimedEnvelope[]> {
  const { rows } = await sql<ClaimedEnvelope>`
    select id, body, accepted from webhook_envelopes
    where workspace_id = ${workspaceId} and processed_at is null and attempts < ${maxAttempts}
    order by id limit ${limit} for update skip locked`.execute(tx);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function markProcessed(tx: TenantTx, workspaceId: string, ids: number[], at: Date): Promise<void> {
  if (!ids.length) return;
  await tx.updateTable('webhook_envelopes').set({ processed_at: at }).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
}

/** Items of a processed envelope that failed on their content: position, kind and reason code. */
export async function recordItemFailures(tx: TenantTx, workspaceId: string, envelopeId: number, failures: { index: number; kind: string; reason: string }[], at: Date): Promise<void> {
  if (!failures.length) return;
  await sql`
    insert into inbound_item_failures (workspace_id, envelope_id, item_index, kind, reason, failed_at)
    select ${workspaceId}, ${envelopeId}, f.item_index, f.kind, f.reason, ${at}
    from jsonb_to_recordset(${JSON.stringify(failures.map((f) => ({ item_index: f.index, kind: f.kind, reason: f.reason.slice(0, 100) })))}::jsonb)
      as f(item_index int, kind text, reason text)
    on conflict do nothing`.execute(tx);
}

/**
 * A failed attempt: counted, with an error class (never content), so a poison envelope stops
 * blocking. The attempt that reaches `maxAttempts` parks the envelope (returns true): it is kept,
 * no longer claimed, and counted for operators.
 */
export async function recordFailure(tx: TenantTx, workspaceId: string, id: number, error: string, maxAttempts: number, at: Date): Promise<{ parked: boolean }> {
  const row = await tx
    .updateTable('webhook_envelopes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 200), parked_at: sql<Date | null>`case when attempts + 1 >= ${maxAttempts} then ${at}::timestamptz else null end` }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning('parked_at')
    .executeTakeFirst();
  return { parked: !!row?.parked_at };
}

/** Operators' alarm: envelopes of every workspace parked after their maximum attempts and still unprocessed. */
export async function unsafeCountParkedEnvelopes(db: AnyDb): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from webhook_envelopes where parked_at is not null and processed_at is null`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Retention: processed envelopes older than `before` are deleted (pre-tenant maintenance). */
export async function unsafePurgeProcessed(db: AnyDb, before: Date): Promise<number> {
  const result = await db.deleteFrom('webhook_envelopes').where('processed_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
