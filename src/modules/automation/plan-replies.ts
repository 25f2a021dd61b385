import type { TenantTx } from '../../platform/db';
import { consentChangeBy, consentKeyword } from '../contacts';
import type { InboundForAutomation } from '../messages';
import type { ReplyKind } from './automation-reply.repository';
import { closedPeriodOf, isOpenAt } from './business-hours';
import { enabledKeywordReplies } from './keyword-reply.repository';
import { firstMatch } from './match-keyword';
import type { WorkspaceSettings } from './settings.schema';

/** Customer messages that may get an automated reply (not reactions, system notices, edits or revokes). */
export const TRIGGER_TYPES = new Set(['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'button', 'order', 'request_welcome', 'unsupported']);

export interface PlannedReply {
  kind: ReplyKind;
  /** What may be answered once: the contact (welcome), the conversation's closed period (away), the message (keyword, opt-out). */
  dedupeKey: string;
  text: string;
}

export const isOptOutText = (m: Pick<InboundForAutomation, 'type' | 'text'>) => m.type === 'text' && !!m.text && consentKeyword(m.text) === 'opt_out';

/**
 * The replies one inbound message gets, in order. An opt-out keyword gets the confirmation when it
 * changed consent (and the setting is on) and nothing else; otherwise: the welcome on the contact's
 * first message, the away message outside business hours (Meta's timestamp), a keyword reply.
 */
export async function planReplies(tx: TenantTx, workspaceId: string, m: InboundForAutomation, s: WorkspaceSettings): Promise<PlannedReply[]> {
  if (!TRIGGER_TYPES.has(m.type)) return [];
  if (isOptOutText(m)) {
    const changed = s.optOutConfirmation.enabled && (await consentChangeBy(tx, workspaceId, m.contactId, m.id)) === 'opt_out';
    return changed ? [{ kind: 'opt_out_confirmation', dedupeKey: `opt_out:${m.id}`, text: s.optOutConfirmation.text }] : [];
  }
  const replies: PlannedReply[] = [];
  if (s.welcomeMessage.enabled && m.firstFromContact) replies.push({ kind: 'welcome', dedupeKey: `welcome:${m.contactId}`, text: s.welcomeMessage.text });
  if (s.awayMessage.enabled && !isOpenAt(s.businessHours, m.at)) {
    replies.push({ kind: 'away', dedupeKey: `away:${m.conversationId}:${closedPeriodOf(s.businessHours, m.at)}`, text: s.awayMessage.text });
  }
  if (m.text) {
    const rules = (await enabledKeywordReplies(tx, workspaceId)).map((r) => ({ ...r, matchType: r.match_type }));
    const rule = firstMatch(rules, m.text);
    if (rule) replies.push({ kind: 'keyword', dedupeKey: `keyword:${m.id}`, text: rule.reply_text });
  }
  return replies;
}
