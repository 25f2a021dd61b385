import { z } from 'zod';
import { withTenant, type TenantTx } from '../../platform/db';
import { billedCounts, CAMPAIGN_CANCELLED, CONSENT_WITHDRAWN, repliedCount, statusCounts } from '../messages';
import { findCampaign, queuedMessageIds, queuedMessagesWithCountry, recipientCounts, type CampaignRow } from './campaign.repository';
import type { CampaignsDeps } from './deps';
import { campaignErrors } from './errors';
import { billedPriceOf } from './prices';

export const campaignView = z.object({
  id: z.string(),
  name: z.string(),
  channelId: z.string(),
  template: z.object({ name: z.string(), language: z.string(), components: z.array(z.unknown()).optional() }),
  category: z.string(),
  status: z.enum(['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled']),
  pausedReason: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  funnel: z.object({
    total: z.number(), queued: z.number(), sent: z.number(), delivered: z.number(), read: z.number(), replied: z.number(),
    failed: z.number(), skipped: z.number(), failedByCode: z.record(z.string(), z.number()), skippedByReason: z.record(z.string(), z.number()),
  }),
  cost: z.object({ estimate: z.number().nullable(), actual: z.number().nullable(), currency: z.string() }),
  createdAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignView>;

/** Sends dropped at dispatch, before any request left: the funnel counts them as skipped, by their code. */
const DROPPED = new Set<string>([CONSENT_WITHDRAWN.code, CAMPAIGN_CANCELLED.code]);
const SENT = new Set(['sent', 'delivered', 'read', 'played']);
const DELIVERED = new Set(['delivered', 'read', 'played']);
const READ = new Set(['read', 'played']);

/** A campaign with its live funnel (recipients and their messages' statuses) and cost. */
export async function campaignWithFunnel(deps: CampaignsDeps, workspaceId: string, id: string): Promise<CampaignView> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const c = await findCampaign(tx, workspaceId, id);
    if (!c) throw campaignErrors.notFound();
    return viewWithFunnel(tx, workspaceId, c);
  });
}

/** One campaign's view with its funnel, counted by grouped queries over its recipients and messages. */
export async function viewWithFunnel(tx: TenantTx, workspaceId: string, c: CampaignRow): Promise<CampaignView> {
  const recipients = await recipientCounts(tx, workspaceId, c.id);
  const statuses = await statusCounts(tx, workspaceId, queuedMessageIds(workspaceId, c.id));
  const replied = await repliedCount(tx, workspaceId, queuedMessageIds(workspaceId, c.id));
  const billed = await billedCounts(tx, workspaceId, queuedMessagesWithCountry(workspaceId, c.id));
  const actual = billed.reduce((a, b) => a + b.n * billedPriceOf(b.category, b.country, c.category), 0);
  return toView(c, recipients, statuses, { replied, actual });
}

export function toView(c: CampaignRow, recipients: { state: string; reason: string | null; n: number }[], allStatuses: { status: string; code: string | null; n: number }[], outcome: { replied: number; actual: number }): CampaignView {
  const dropped = allStatuses.filter((s) => s.status === 'failed' && DROPPED.has(s.code ?? ''));
  const statuses = allStatuses.filter((s) => !dropped.includes(s));
  const sum = (f: (s: { status: string }) => boolean) => statuses.filter(f).reduce((a, s) => a + s.n, 0);
  const total = recipients.reduce((a, r) => a + r.n, 0);
  const skipped = [...recipients.filter((r) => r.state === 'skipped'), ...dropped.map((s) => ({ reason: s.code, n: s.n }))];
  const pending = recipients.filter((r) => r.state === 'pending').reduce((a, r) => a + r.n, 0);
  const failedByCode: Record<string, number> = {};
  for (const s of statuses.filter((x) => x.status === 'failed')) failedByCode[s.code ?? 'unknown'] = (failedByCode[s.code ?? 'unknown'] ?? 0) + s.n;
  return {
    id: c.id, name: c.name, channelId: c.channel_id, template: c.template as CampaignView['template'], category: c.category, status: c.status, pausedReason: c.paused_reason,
    scheduledAt: c.scheduled_at?.toISOString() ?? null,
    funnel: {
      total, queued: pending + sum((s) => ['queued', 'uncertain', 'accepted'].includes(s.status)), sent: sum((s) => SENT.has(s.status)), delivered: sum((s) => DELIVERED.has(s.status)),
      read: sum((s) => READ.has(s.status)), replied: outcome.replied, failed: sum((s) => s.status === 'failed'), skipped: skipped.reduce((a, r) => a + r.n, 0), failedByCode,
      skippedByReason: skipped.reduce<Record<string, number>>((by, r) => ({ ...by, [r.reason ?? 'unknown']: (by[r.reason ?? 'unknown'] ?? 0) + r.n }), {}),
    },
    // Actual: each message billed by its pricing webhook, at the price table's rate for the webhook's category and the recipient's country.
    cost: { estimate: c.estimate?.amount ?? null, actual: Math.round(outcome.actual * 10_000) / 10_000, currency: c.estimate?.currency ?? 'USD' },
    createdAt: c.created_at.toISOString(),
  };
}
