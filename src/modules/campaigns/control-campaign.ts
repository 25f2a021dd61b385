import { withTenant } from '../../platform/db';
import { publishEvent } from '../../platform/events';
import { controlCampaignSends, signalCampaignSends } from '../messages';
import type { Actor } from '../privacy';
import { findCampaign, markPendingSkipped, updateCampaign, type CampaignRow, type CampaignStatus } from './campaign.repository';
import type { CampaignsDeps } from './deps';
import { campaignErrors } from './errors';

export type CampaignAction = 'start' | 'pause' | 'resume' | 'cancel';

const ALLOWED: Record<CampaignAction, CampaignStatus[]> = {
  start: ['draft'],
  pause: ['running', 'scheduled'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'running', 'paused'],
};

const HOLD: Partial<Record<CampaignAction, 'pause' | 'cancel' | null>> = { pause: 'pause', cancel: 'cancel', resume: null };

/**
 * Start (running now, or scheduled for `scheduledAt`), pause, resume, cancel. Pause and cancel
 * are immediate: the campaign's queued sends are held in the same transaction, and the send
 * streams of this process hear of it before the call returns, so at most the request already on
 * the wire leaves each number afterwards. A resume sends the held rest, each once; a cancel marks
 * the recipients not yet queued as skipped.
 */
export async function controlCampaign(deps: CampaignsDeps, workspaceId: string, actor: Actor, id: string, action: CampaignAction): Promise<CampaignRow> {
  const updated = await withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findCampaign(tx, workspaceId, id, true);
    if (!row) throw campaignErrors.notFound();
    if (!ALLOWED[action].includes(row.status)) throw campaignErrors.invalidState(row.status, action);
    const now = deps.clock.now();
    const next: CampaignStatus =
      action === 'pause' ? 'paused' : action === 'cancel' ? 'cancelled' : row.scheduled_at && row.scheduled_at > now && !row.started_at ? 'scheduled' : 'running';
    await updateCampaign(tx, workspaceId, id, { status: next, paused_reason: action === 'pause' ? 'paused_by_user' : null, ...(next === 'running' && !row.started_at ? { started_at: now } : {}) }, now);
    const hold = HOLD[action];
    if (hold !== undefined) await controlCampaignSends(tx, workspaceId, id, hold, now);
    if (action === 'cancel') await markPendingSkipped(tx, workspaceId, id, 'campaign_cancelled');
    await publishEvent(tx, workspaceId, 'campaign.progress', { campaignId: id });
    await deps.audit.record(tx, workspaceId, actor, { action: `campaign.${action}`, target: { type: 'campaign', id }, details: { from: row.status, to: next } });
    return { ...row, status: next };
  });
  const hold = HOLD[action];
  if (hold !== undefined) signalCampaignSends(deps.messages, workspaceId, id, hold);
  return updated;
}
