import { withTenant, type TenantTx } from '../../platform/db';
import { publishEvent } from '../../platform/events';
import { startPollingLoop, type PollingLoop } from '../../platform/jobs';
import { resolveWorkspaceChannel, type TemplateObject } from '../channels';
import { audienceMembers, marketingConsentOf } from '../contacts';
import { campaignHasOpenSends, controlCampaignSends, pendingOfCampaign, queueTemplateSends, type BatchSend } from '../messages';
import { findTemplateByName, renderTemplate } from '../templates';
import { claimPendingRecipients, findCampaign, markQueued, markSkipped, unsafeActiveCampaigns, updateCampaign, type CampaignRow } from './campaign.repository';
import type { CampaignsDeps } from './deps';
import { statisticsMilestones } from './statistics-milestones';

/** Sends queued ahead of the sender: this many seconds at the number's ceiling. */
const AHEAD_SECONDS = 3;
const BATCH = 1000;

/**
 * One step of a running campaign: auto-pause if its template stopped being approved or was
 * re-categorized, else materialize the next recipients (messages + queue rows + recipient state in
 * one transaction, so a crash never queues anyone twice), or complete it. Returns recipients queued.
 */
export async function stepCampaign(deps: CampaignsDeps, workspaceId: string, campaignId: string): Promise<number> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const c = await findCampaign(tx, workspaceId, campaignId, true);
    if (!c) return 0;
    const now = deps.clock.now();
    if (c.status === 'scheduled' && c.scheduled_at && c.scheduled_at <= now) {
      await updateCampaign(tx, workspaceId, c.id, { status: 'running', started_at: now }, now);
      c.status = 'running';
    }
    if (c.status !== 'running') return 0;
    const channel = await resolveWorkspaceChannel(tx, workspaceId, c.channel_id);
    const template = await findTemplateByName(tx, workspaceId, channel.wabaId, c.template.name, c.template.language);
    const reason = !template ? 'template_deleted' : template.status !== 'APPROVED' ? `template_${String(template.status).toLowerCase()}` : (template.category ?? '').toUpperCase() !== c.category ? 'template_recategorized' : null;
    if (reason) {
      await updateCampaign(tx, workspaceId, c.id, { status: 'paused', paused_reason: reason }, now);
      await controlCampaignSends(tx, workspaceId, c.id, 'pause', now);
      await publishEvent(tx, workspaceId, 'campaign.progress', { campaignId: c.id });
      return 0;
    }
    const queued = await pendingOfCampaign(tx, workspaceId, c.id);
    const room = Math.min(BATCH, channel.throughputMps * AHEAD_SECONDS - queued);
    if (room <= 0) return 0;
    const recipients = await claimPendingRecipients(tx, workspaceId, c.id, room);
    if (!recipients.length) {
      // Complete only when no send is left in any state: claimed, in flight or awaiting its outcome.
      if (queued === 0 && !(await campaignHasOpenSends(tx, workspaceId, c.id))) {
        await updateCampaign(tx, workspaceId, c.id, { status: 'completed', completed_at: now }, now);
        await publishEvent(tx, workspaceId, 'campaign.completed', { campaignId: c.id });
      }
      return 0;
    }
    const n = await materialize(deps, tx, c, recipients.map((r) => r.contact_id));
    await publishEvent(tx, workspaceId, 'campaign.progress', { campaignId: c.id });
    return n;
  });
}

async function materialize(deps: CampaignsDeps, tx: TenantTx, c: CampaignRow, contactIds: string[]): Promise<number> {
  const ws = c.workspace_id;
  // Consent is checked again at send time: an opt-out after the campaign was created wins.
  const consented = c.category === 'MARKETING' ? await marketingConsentOf(tx, ws, contactIds) : null;
  const base: TemplateObject = { name: c.template.name, language: { code: c.template.language }, ...(c.template.components ? { components: c.template.components as TemplateObject['components'] } : {}) };
  const sends: BatchSend[] = [];
  const skipped: string[] = [];
  for (const m of await audienceMembers(deps.contacts, tx, ws, contactIds)) {
    if (!m.phone || (consented && !consented.has(m.contactId))) skipped.push(m.contactId);
    else sends.push({ contactId: m.contactId, keyId: m.keyId, to: m.phone, template: renderTemplate(base, m) });
  }
  const ids = await queueTemplateSends(deps.messages, tx, ws, c.channel_id, { id: c.id, marketing: c.category === 'MARKETING' }, sends);
  await markQueued(tx, ws, c.id, sends.map((s, i) => ({ contactId: s.contactId, messageId: ids[i]! })));
  await markSkipped(tx, ws, c.id, skipped, 'no_marketing_consent');
  return sends.length;
}

/**
 * The worker's campaign runner: steps every running or due campaign every `pollMs`, busy or not (each
 * round tops the queue up to a few seconds of the numbers' pace; rounds in between would only queue
 * a few sends each, in transactions that hold the database from the sender).
 */
export function startCampaignRunner(deps: CampaignsDeps, options: { pollMs?: number; onQueued?: () => void } = {}): PollingLoop {
  const statistics = statisticsMilestones(deps.db);
  const round = async (signal: AbortSignal): Promise<number> => {
    const active = await unsafeActiveCampaigns(deps.db, deps.clock.now());
    statistics.keepOnly(new Set(active.map((c) => c.id)));
    let total = 0;
    for (const c of active) {
      if (signal.aborted) break;
      await statistics.stepping(c.id);
      const queued = await stepCampaign(deps, c.workspace_id, c.id);
      if (queued > 0) options.onQueued?.();
      await statistics.queued(c.id, queued);
      total += queued;
    }
    return total;
  };
  const pollMs = options.pollMs ?? 200;
  return startPollingLoop({ name: 'campaign runner', tick: round, idleMs: pollMs, busyMs: pollMs, logger: deps.logger });
}
