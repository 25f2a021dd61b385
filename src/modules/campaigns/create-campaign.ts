import { newId, withTenant, type TenantTx } from '../../platform/db';
import { resolveWorkspaceChannel, type TemplateObject } from '../channels';
import { analyzeAudienceTables, audienceContactIds, audienceMembers, importStatusOf, marketingConsentOf } from '../contacts';
import type { Actor } from '../privacy';
import { checkTemplate } from '../messages';
import { insertCampaign, insertRecipients, type CampaignRow, type RecipientRow } from './campaign.repository';
import type { CampaignsDeps } from './deps';
import { campaignErrors } from './errors';
import { countryOf, CURRENCY, priceOf } from './prices';

export interface NewCampaign {
  name: string;
  channelId?: string;
  template: { name: string; language: string; components?: unknown[] };
  audience: { contactIds?: string[]; tags?: string[]; importId?: string };
  scheduledAt?: string;
}

const PAGE = 1000;

/**
 * A draft campaign with its audience expanded once: each recipient is pending, or skipped with a
 * reason (no marketing consent for a marketing template, no phone); the cost estimate sums the
 * price table over the eligible recipients' countries.
 */
export async function createCampaign(deps: CampaignsDeps, workspaceId: string, actor: Actor, input: NewCampaign): Promise<CampaignRow> {
  // A tag or import may name a workspace's whole, freshly imported audience: plan its reads on fresh statistics.
  if (!input.audience.contactIds) await analyzeAudienceTables(deps.db);
  return withTenant(deps.db, workspaceId, async (tx) => {
    if (input.audience.importId) await checkImport(tx, workspaceId, input.audience.importId);
    const channel = await resolveWorkspaceChannel(tx, workspaceId, input.channelId);
    const template: TemplateObject = { name: input.template.name, language: { code: input.template.language }, ...(input.template.components ? { components: input.template.components as TemplateObject['components'] } : {}) };
    const { category } = await checkTemplate(tx, workspaceId, channel.wabaId, template);
    const id = newId();
    const estimate = await expandAudience(deps, tx, workspaceId, id, category, input.audience);
    const row = {
      workspace_id: workspaceId, id, name: input.name, channel_id: channel.id, template: input.template, category, status: 'draft' as const,
      audience: input.audience, scheduled_at: input.scheduledAt ? new Date(input.scheduledAt) : null, estimate: { amount: Math.round(estimate * 10_000) / 10_000, currency: CURRENCY },
    };
    await insertCampaign(tx, row);
    await deps.audit.record(tx, workspaceId, actor, { action: 'campaign.create', target: { type: 'campaign', id }, details: { category, templateName: input.template.name } });
    const now = deps.clock.now();
    return { ...row, paused_reason: null, created_at: now, updated_at: now, started_at: null, completed_at: null };
  });
}

/** An audience by import names a completed import of this workspace (another workspace's is unknown here). */
async function checkImport(tx: TenantTx, workspaceId: string, importId: string): Promise<void> {
  const status = await importStatusOf(tx, workspaceId, importId);
  if (status === 'completed') return;
  throw campaignErrors.importNotUsable(status);
}

async function expandAudience(deps: CampaignsDeps, tx: TenantTx, workspaceId: string, campaignId: string, category: string, audience: NewCampaign['audience']): Promise<number> {
  let after = '';
  let estimate = 0;
  for (;;) {
    const ids = await audienceContactIds(tx, workspaceId, audience, after, PAGE);
    if (!ids.length) return estimate;
    after = ids[ids.length - 1]!;
    const consented = category === 'MARKETING' ? await marketingConsentOf(tx, workspaceId, ids) : null;
    const rows: RecipientRow[] = [];
    for (const m of await audienceMembers(deps.contacts, tx, workspaceId, ids)) {
      const country = countryOf(m.phone);
      const skip = !m.phone ? 'no_phone' : consented && !consented.has(m.contactId) ? 'no_marketing_consent' : null;
      if (!skip) estimate += priceOf(category, country);
      rows.push({ workspace_id: workspaceId, campaign_id: campaignId, contact_id: m.contactId, state: skip ? 'skipped' : 'pending', skip_reason: skip, country, message_id: null });
    }
    await insertRecipients(tx, rows);
  }
}
