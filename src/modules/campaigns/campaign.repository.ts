import { sql, type Selectable } from 'kysely';
import { refreshStatistics, type AnyDb, type DB, type TenantTx } from '../../platform/db';

export type CampaignStatus = DB['campaigns']['status'];

/** A stored campaign, its jsonb columns narrowed to what insertCampaign writes there. */
export type CampaignRow = Omit<Selectable<DB['campaigns']>, 'template' | 'audience' | 'estimate'> & {
  template: { name: string; language: string; components?: unknown[] };
  audience: { contactIds?: string[]; tags?: string[]; importId?: string };
  estimate: { amount: number; currency: string } | null;
};
export type RecipientRow = Selectable<DB['campaign_recipients']>;

export async function insertCampaign(tx: TenantTx, row: Omit<CampaignRow, 'created_at' | 'updated_at' | 'started_at' | 'completed_at' | 'paused_reason'>): Promise<void> {
  await tx.insertInto('campaigns').values({ ...row, template: JSON.stringify(row.template), audience: JSON.stringify(row.audience), estimate: JSON.stringify(row.estimate) }).execute();
}

export function findCampaign(tx: TenantTx, workspaceId: string, id: string, lock = false): Promise<CampaignRow | undefined> {
  const q = tx.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id);
  return (lock ? q.forUpdate() : q).$castTo<CampaignRow>().executeTakeFirst();
}

export function listCampaignRows(tx: TenantTx, workspaceId: string, opts: { limit: number; before?: string }): Promise<CampaignRow[]> {
  let q = tx.selectFrom('campaigns').selectAll().where('workspace_id', '=', workspaceId);
  if (opts.before) q = q.where('id', '<', opts.before);
  return q.orderBy('id', 'desc').limit(opts.limit).$castTo<CampaignRow>().execute();
}

export async function updateCampaign(tx: TenantTx, workspaceId: string, id: string, set: Partial<Pick<CampaignRow, 'status' | 'paused_reason' | 'started_at' | 'completed_at'>>, at: Date): Promise<void> {
  await tx.updateTable('campaigns').set({ ...set, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertRecipients(tx: TenantTx, rows: RecipientRow[]): Promise<void> {
  if (rows.length) await tx.insertInto('campaign_recipients').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

/** The next pending recipients, locked so two runners never materialize the same one. */
export function claimPendingRecipients(tx: TenantTx, workspaceId: string, campaignId: string, limit: number): Promise<RecipientRow[]> {
  return tx.selectFrom('campaign_recipients').selectAll().where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).where('state', '=', 'pending')
    .orderBy('contact_id').limit(limit).forUpdate().skipLocked().execute();
}

export async function markQueued(tx: TenantTx, workspaceId: string, campaignId: string, pairs: { contactId: string; messageId: string }[]): Promise<void> {
  if (!pairs.length) return;
  // unnest of two arrays: the planner knows the batch's size and probes the key per pair (with
  // jsonb_to_recordset it guessed 100 rows and hashed the campaign's whole recipient list instead).
  await sql`update campaign_recipients r set state = 'queued', message_id = v.message_id
    from unnest(${pairs.map((p) => p.contactId)}::text[], ${pairs.map((p) => p.messageId)}::text[]) as v(contact_id, message_id)
    where r.workspace_id = ${workspaceId} and r.campaign_id = ${campaignId} and r.contact_id = v.contact_id`.execute(tx);
}

export async function markSkipped(tx: TenantTx, workspaceId: string, campaignId: string, contactIds: string[], reason: string): Promise<void> {
  if (contactIds.length) await tx.updateTable('campaign_recipients').set({ state: 'skipped', skip_reason: reason }).where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).where('contact_id', 'in', contactIds).execute();
}

/** Recipients not yet queued leave the campaign (it was cancelled). */
export async function markPendingSkipped(tx: TenantTx, workspaceId: string, campaignId: string, reason: string): Promise<void> {
  await tx.updateTable('campaign_recipients').set({ state: 'skipped', skip_reason: reason }).where('workspace_id', '=', workspaceId).where('campaign_id', '=', campaignId).where('state', '=', 'pending').execute();
}

export async function recipientCounts(tx: TenantTx, workspaceId: string, campaignId: string): Promise<{ state: string; reason: string | null; n: number }[]> {
  const { rows } = await sql<{ state: string; reason: string | null; n: number }>`
    select state, skip_reason as reason, count(*) as n from campaign_recipients where workspace_id = ${workspaceId} and campaign_id = ${campaignId} group by state, skip_reason`.execute(tx);
  return rows;
}

export const queuedMessageIds = (workspaceId: string, campaignId: string) =>
  sql`select message_id from campaign_recipients where workspace_id = ${workspaceId} and campaign_id = ${campaignId} and message_id is not null`;

/** (message_id, country) of a campaign's queued recipients: billed messages are priced by the recipient's country. */
export const queuedMessagesWithCountry = (workspaceId: string, campaignId: string) =>
  sql`select message_id, country from campaign_recipients where workspace_id = ${workspaceId} and campaign_id = ${campaignId} and message_id is not null`;

/** The runner's scan, before any tenant is known: campaigns due to run. */
export async function unsafeActiveCampaigns(db: AnyDb, now: Date): Promise<{ workspace_id: string; id: string }[]> {
  const { rows } = await sql<{ workspace_id: string; id: string }>`
    select workspace_id, id from campaigns where status = 'running' or (status = 'scheduled' and scheduled_at <= ${now})`.execute(db);
  return rows;
}

/** Fresh planner statistics for a campaign's recipients (see refreshStatistics). */
export const analyzeRecipients = (db: AnyDb) => refreshStatistics(db, ['campaign_recipients']);
