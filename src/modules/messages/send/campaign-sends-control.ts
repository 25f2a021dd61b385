import type { TenantTx } from '../../../platform/db';
import { recordSendOutcomes } from '../status/record-send-outcome';
import type { MessagesDeps } from '../deps';
import { CAMPAIGN_CANCELLED } from './dropped-sends';
import { deleteHold, deletePendingOfCampaign, putHold, type HoldKind } from './send-queue.repository';

export type CampaignSendsSignal = (workspaceId: string, campaignId: string, hold: HoldKind | null) => void;

// Senders of this process, by the deps they were started with: a pause or cancel made here reaches
// their streams at once, before the request that made it is answered (other processes' streams
// see the hold at their next claim, a few milliseconds later).
const listeners = new WeakMap<MessagesDeps, Set<CampaignSendsSignal>>();

export function onCampaignSendsChanged(deps: MessagesDeps, listener: CampaignSendsSignal): () => void {
  const set = listeners.get(deps) ?? new Set();
  listeners.set(deps, set.add(listener));
  return () => void set.delete(listener);
}

/**
 * In the caller's transaction (the campaign's status change): a pause holds the campaign's queued
 * sends where they are; a cancel holds them for good and fails those no stream has claimed with
 * `campaign_cancelled` (streams do the same for the ones they hold); a resume lifts the hold.
 * Call `signalCampaignSends` once the transaction has committed.
 */
export async function controlCampaignSends(tx: TenantTx, workspaceId: string, campaignId: string, hold: HoldKind | null, at: Date): Promise<void> {
  if (!hold) return deleteHold(tx, workspaceId, campaignId);
  await putHold(tx, workspaceId, campaignId, hold, at);
  if (hold !== 'cancel') return;
  const dropped = await deletePendingOfCampaign(tx, workspaceId, campaignId);
  await recordSendOutcomes(tx, workspaceId, dropped.map((messageId) => ({ messageId, status: 'failed' as const, error: { ...CAMPAIGN_CANCELLED } })), at);
}

/** Tells this process's send streams about a committed pause, cancel or resume. */
export function signalCampaignSends(deps: MessagesDeps, workspaceId: string, campaignId: string, hold: HoldKind | null): void {
  for (const listener of listeners.get(deps) ?? []) listener(workspaceId, campaignId, hold);
}
