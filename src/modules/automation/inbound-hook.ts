import { enqueue, jobCatalog } from '../../platform/jobs';
import type { InboundMessagesHook } from '../messages';
import { hasEnabledKeywordReplies } from './keyword-reply.repository';
import { isOptOutText, TRIGGER_TYPES } from './plan-replies';
import { readSettings } from './settings';

/**
 * The inbox's inbound hook: in the transaction that stores the messages, one automation job per
 * message that could get a reply (ids only). Workspaces with nothing enabled but the opt-out
 * confirmation queue jobs for opt-out keywords only, so the inbound hot path stays light.
 */
export const enqueueInboundAutomation: InboundMessagesHook = async (tx, workspaceId, messages) => {
  const candidates = messages.filter((m) => TRIGGER_TYPES.has(m.type));
  if (!candidates.length) return;
  const s = await readSettings(tx, workspaceId);
  const any = s.welcomeMessage.enabled || s.awayMessage.enabled || (await hasEnabledKeywordReplies(tx, workspaceId));
  for (const m of candidates) {
    if (!any && !(s.optOutConfirmation.enabled && isOptOutText(m))) continue;
    await enqueue(tx, jobCatalog.inboundAutomation, { workspaceId, messageId: m.messageId }, { workspaceId, singletonKey: `automation:${workspaceId}:${m.messageId}` });
  }
};
