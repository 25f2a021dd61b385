import { withTenant } from '../../platform/db';
import type { JobCatalog, PayloadOf } from '../../platform/jobs';
import { readInboundMessage, sendAutomatedText } from '../messages';
import { claimReply, setReplyMessage } from './automation-reply.repository';
import type { AutomationDeps } from './deps';
import { planReplies } from './plan-replies';
import { readSettings } from './settings';

/**
 * The automation job of one inbound message (its payload holds ids only). Each reply's dedupe key is
 * claimed in the transaction that queues it, all keys before any send (a fixed lock order), so a
 * retried, doubled or concurrent run sends nothing twice.
 */
export async function runInboundAutomation(deps: AutomationDeps, { workspaceId, messageId }: PayloadOf<JobCatalog['inboundAutomation']>): Promise<void> {
  const queued = await withTenant(deps.db, workspaceId, async (tx) => {
    const m = await readInboundMessage(deps.keyring, tx, workspaceId, messageId);
    if (!m) return 0;
    const now = deps.clock.now();
    const claimed = [];
    for (const reply of await planReplies(tx, workspaceId, m, await readSettings(tx, workspaceId))) {
      if (await claimReply(tx, workspaceId, { dedupeKey: reply.dedupeKey, kind: reply.kind, triggerMessageId: m.id }, now)) claimed.push(reply);
    }
    let sent = 0;
    for (const reply of claimed) {
      const id = await sendAutomatedText(deps.messages, tx, workspaceId, { contactId: m.contactId, channelId: m.channelId, text: reply.text, automation: reply.kind });
      if (!id) continue;
      await setReplyMessage(tx, workspaceId, reply.dedupeKey, id);
      sent += 1;
    }
    return sent;
  });
  if (queued) deps.onQueued();
}
