import { withTenant } from '../../../platform/db';
import type { JobCatalog, PayloadOf } from '../../../platform/jobs';
import { clientFor, loadChannelCredentialsById } from '../../channels';
import { readReceiptTarget } from './read-receipt-target';
import type { MessagesDeps } from '../deps';
import { findReadReceipt, markReadReceiptSent } from './read-receipt.repository';

/**
 * The mark-as-read job: sends Meta's read status for one inbound message. One job per message
 * (singleton key), and a receipt already sent is not sent again; Meta treats a repeat as a no-op anyway.
 */
export async function sendReadReceipt(deps: MessagesDeps, { workspaceId, messageId }: PayloadOf<JobCatalog['markRead']>): Promise<void> {
  const target = await withTenant(deps.db, workspaceId, async (tx) => {
    const receipt = await findReadReceipt(tx, workspaceId, messageId);
    return receipt && !receipt.sent_at ? readReceiptTarget(tx, workspaceId, messageId) : null;
  });
  if (!target) return;
  const creds = await loadChannelCredentialsById(deps.channels, workspaceId, target.channelId);
  if (!creds) return;
  await clientFor(deps.channels, creds).markAsRead(target.wamid);
  await withTenant(deps.db, workspaceId, (tx) => markReadReceiptSent(tx, workspaceId, messageId, deps.clock.now()));
}
