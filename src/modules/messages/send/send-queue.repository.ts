import { sql, type Selectable } from 'kysely';
import { refreshStatistics, vacuumQueue, type AnyDb, type DB, type TenantTx } from '../../../platform/db';

export type QueueRow = Selectable<DB['outbound_queue']>;

/** A held campaign's sends are not dispatched: `pause` until resumed, `cancel` for good. */
export type HoldKind = DB['send_holds']['kind'];

export type NewQueueRow = Pick<QueueRow, 'workspace_id' | 'message_id' | 'channel_id' | 'contact_id' | 'campaign_id' | 'request' | 'next_attempt_at'> & { marketing?: boolean };

export async function enqueueSends(tx: TenantTx, rows: NewQueueRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('outbound_queue').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

export type ClaimedRow = Pick<QueueRow, 'message_id' | 'contact_id' | 'campaign_id' | 'marketing' | 'request' | 'attempts'>;

/** A queue row `q` of a held campaign (its sends wait, or were cancelled). */
const held = sql`(q.campaign_id is not null and exists (select 1 from send_holds h where h.workspace_id = q.workspace_id and h.campaign_id = q.campaign_id))`;

/**
 * Claims due rows of one channel (oldest first), marking them in flight under `claimId`: SKIP
 * LOCKED, so racing owners never share a row; rows of held campaigns stay where they are. Returns
 * only what dispatching needs (parsing every column of every claimed row showed in the sender's profile).
 */
export async function claimDue(tx: TenantTx, workspaceId: string, channelId: string, now: Date, limit: number, claimId: string): Promise<ClaimedRow[]> {
  const { rows } = await sql<ClaimedRow>`
    update outbound_queue q set state = 'inflight', attempts = q.attempts + 1, dispatched_at = ${now}, claim_id = ${claimId}
    from (select message_id from outbound_queue q where workspace_id = ${workspaceId} and channel_id = ${channelId} and state = 'pending'
          and next_attempt_at <= ${now} and not ${held} order by next_attempt_at, message_id limit ${limit} for update skip locked) due
    where q.workspace_id = ${workspaceId} and q.message_id = due.message_id
    returning q.message_id, q.contact_id, q.campaign_id, q.marketing, q.request, q.attempts`.execute(tx);
  return rows;
}

/**
 * Undoes claims whose transaction may have committed although its caller saw it fail (the
 * connection died during COMMIT): none of their rows was dispatched, so they are pending again.
 */
export async function releaseLostClaims(tx: TenantTx, workspaceId: string, claimIds: string[]): Promise<void> {
  if (!claimIds.length) return;
  await sql`update outbound_queue set state = 'pending', attempts = attempts - 1, claim_id = null
    where workspace_id = ${workspaceId} and state = 'inflight' and claim_id = any(${claimIds}::text[])`.execute(tx);
}

/**
 * Sends whose outcome is recorded on their message leave the queue: the message is the ledger,
 * and the queue keeps only work (a copy of a sealed request kept after its send is data we need not
 * hold, and finished rows made every scan of the queue slower as a campaign went on).
 */
export async function removeSettled(tx: TenantTx, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length) await tx.deleteFrom('outbound_queue').where('workspace_id', '=', workspaceId).where('message_id', 'in', ids).execute();
}

export async function markUncertain(tx: TenantTx, workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length) await tx.updateTable('outbound_queue').set({ state: 'uncertain' }).where('workspace_id', '=', workspaceId).where('message_id', 'in', ids).execute();
}

/**
 * Back to pending, due at `at` (retries and backoffs), in one statement. Only rows still in the
 * claim that dispatched them: a write retried after its first attempt did commit must not pull
 * back a row that was claimed again meanwhile.
 */
export async function requeue(tx: TenantTx, workspaceId: string, retries: { messageId: string; claimId: string; at: Date; refund?: boolean }[]): Promise<void> {
  if (!retries.length) return;
  await sql`
    update outbound_queue q set state = 'pending', next_attempt_at = v.at, attempts = q.attempts - case when v.refund then 1 else 0 end, claim_id = null
    from jsonb_to_recordset(${JSON.stringify(retries.map((r) => ({ message_id: r.messageId, claim_id: r.claimId, at: r.at.toISOString(), refund: r.refund === true })))}::jsonb) as v(message_id text, claim_id text, at timestamptz, refund boolean)
    where q.workspace_id = ${workspaceId} and q.message_id = v.message_id and q.state = 'inflight' and q.claim_id = v.claim_id`.execute(tx);
}

/**
 * Rows claimed by an owner that died (in flight with a stale dispatch time): their requests may
 * have left, so they become uncertain, never pending again.
 */
export async function orphanedInflight(tx: TenantTx, workspaceId: string, channelId: string, before: Date): Promise<string[]> {
  const rows = await tx.updateTable('outbound_queue').set({ state: 'uncertain' })
    .where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('state', '=', 'inflight').where('dispatched_at', '<', before)
    .returning('message_id').execute();
  return rows.map((r) => r.message_id);
}

/** A channel's uncertain sends with their message's status on the ladder (the status webhooks may have moved it). */
export async function uncertainSends(tx: TenantTx, workspaceId: string, channelId: string): Promise<{ message_id: string; dispatched_at: Date | null; status: string }[]> {
  const { rows } = await sql<{ message_id: string; dispatched_at: Date | null; status: string | null }>`
    select q.message_id, q.dispatched_at, m.status from outbound_queue q
    left join messages m on m.workspace_id = q.workspace_id and m.id = q.message_id
    where q.workspace_id = ${workspaceId} and q.channel_id = ${channelId} and q.state = 'uncertain' limit 500`.execute(tx);
  return rows.map((r) => ({ ...r, dispatched_at: r.dispatched_at === null ? null : new Date(r.dispatched_at), status: r.status ?? 'queued' }));
}

/** The sender's scan, before any tenant is known: channels with work due or unsettled. */
export async function unsafeChannelsWithWork(db: AnyDb, now: Date): Promise<{ workspace_id: string; channel_id: string }[]> {
  const { rows } = await sql<{ workspace_id: string; channel_id: string }>`
    select distinct workspace_id, channel_id from outbound_queue q
    where (state = 'pending' and next_attempt_at <= ${now} and not ${held}) or state in ('inflight', 'uncertain')`.execute(db);
  return rows;
}

/** Takes or renews the channel's lease; true when `owner` holds it until `expiresAt`. */
export async function acquireLease(tx: TenantTx, workspaceId: string, channelId: string, owner: string, now: Date, expiresAt: Date): Promise<boolean> {
  const { rows } = await sql<{ owner: string }>`
    insert into send_leases (workspace_id, channel_id, owner, expires_at) values (${workspaceId}, ${channelId}, ${owner}, ${expiresAt})
    on conflict (workspace_id, channel_id) do update set owner = excluded.owner, expires_at = excluded.expires_at
    where send_leases.owner = excluded.owner or send_leases.expires_at < ${now}
    returning owner`.execute(tx);
  return rows.length === 1;
}

export async function releaseLease(tx: TenantTx, workspaceId: string, channelId: string, owner: string): Promise<void> {
  await tx.deleteFrom('send_leases').where('workspace_id', '=', workspaceId).where('channel_id', '=', channelId).where('owner', '=', owner).execute();
}

/**
 * Whether the channel has any send left (due or not, held campaigns' aside) or unsettled; each
 * probe is one partial index's predicate.
 */
export async function hasOpenWork(tx: TenantTx, workspaceId: string, channelId: string): Promise<boolean> {
  const { rows } = await sql<{ open: boolean }>`
    select exists (select 1 from outbound_queue q where workspace_id = ${workspaceId} and channel_id = ${channelId} and state = 'pending' and not ${held})
        or exists (select 1 from outbound_queue where workspace_id = ${workspaceId} and channel_id = ${channelId} and state in ('inflight', 'uncertain')) as open`.execute(tx);
  return rows[0]?.open === true;
}

/** Sends of a campaign not yet dispatched (keeps the campaign's queue only a few seconds ahead of the sender). */
export async function pendingOfCampaign(tx: TenantTx, workspaceId: string, campaignId: string): Promise<number> {
  const row = await tx.selectFrom('outbound_queue').select((eb) => eb.fn.countAll<string>().as('n')).where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).where('state', '=', 'pending').executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether any send of the campaign is still in the queue, in any state (a campaign completes only without). */
export async function campaignHasOpenSends(tx: TenantTx, workspaceId: string, campaignId: string): Promise<boolean> {
  const row = await tx.selectFrom('outbound_queue').select('message_id').where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Writes (or replaces) a campaign's hold. */
export async function putHold(tx: TenantTx, workspaceId: string, campaignId: string, kind: HoldKind, at: Date): Promise<void> {
  await tx.insertInto('send_holds').values({ workspace_id: workspaceId, campaign_id: campaignId, kind, created_at: at })
    .onConflict((oc) => oc.columns(['workspace_id', 'campaign_id']).doUpdateSet({ kind, created_at: at })).execute();
}

export async function deleteHold(tx: TenantTx, workspaceId: string, campaignId: string): Promise<void> {
  await tx.deleteFrom('send_holds').where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).execute();
}

/** The workspace's held campaigns (a handful of rows: one per paused or cancelled campaign). */
export async function holdsOf(tx: TenantTx, workspaceId: string): Promise<Map<string, HoldKind>> {
  const rows = await tx.selectFrom('send_holds').select(['campaign_id', 'kind']).where('workspace_id', '=', workspaceId).execute();
  return new Map(rows.map((r) => [r.campaign_id, r.kind]));
}

/** Removes a campaign's sends that no stream holds (pending), returning their message ids. */
export async function deletePendingOfCampaign(tx: TenantTx, workspaceId: string, campaignId: string): Promise<string[]> {
  const rows = await tx.deleteFrom('outbound_queue').where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).where('state', '=', 'pending').returning('message_id').execute();
  return rows.map((r) => r.message_id);
}

/** Fresh planner statistics for the send queue (see refreshStatistics). */
export const analyzeSendQueue = (db: AnyDb) => refreshStatistics(db, ['outbound_queue']);

/** Clears the dead versions sending leaves behind (see vacuumQueue). */
export const vacuumSendQueue = (db: AnyDb) => vacuumQueue(db, 'outbound_queue');
