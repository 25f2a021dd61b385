import { withTenant } from '../../../platform/db';
import { recordSendOutcomes } from './record-send-outcome';
import { UNCERTAIN_TTL_MS, type MessagesDeps } from '../deps';
import { removeSettled, uncertainSends } from '../send/send-queue.repository';

/**
 * Uncertain sends: settled once a status webhook moved the message on (matched by wamid or
 * biz_opaque_callback_data), or failed with send_outcome_unknown after 10 minutes — never resent.
 */
export async function settleUncertain(deps: MessagesDeps, workspaceId: string, channelId: string): Promise<void> {
  const now = deps.clock.now();
  await withTenant(deps.db, workspaceId, async (tx) => {
    const rows = await uncertainSends(tx, workspaceId, channelId);
    if (!rows.length) return;
    const moved = rows.filter((r) => !['queued', 'uncertain'].includes(r.status)).map((r) => r.message_id);
    const expired = rows.filter((r) => !moved.includes(r.message_id) && (r.dispatched_at?.getTime() ?? 0) + UNCERTAIN_TTL_MS <= now.getTime()).map((r) => r.message_id);
    await recordSendOutcomes(tx, workspaceId, expired.map((messageId) => ({
      messageId,
      status: 'failed' as const,
      error: { code: 'send_outcome_unknown', title: 'Send outcome unknown', class: 'terminal', hint: 'The request to Meta timed out and no status arrived within 10 minutes; check with the customer before sending again.' },
    })), now);
    await removeSettled(tx, workspaceId, [...moved, ...expired]);
  });
}
