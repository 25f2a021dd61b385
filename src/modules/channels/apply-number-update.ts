import type { TenantTx } from '../../platform/db';
import { updateChannel } from './channel.repository';

/** phone_number_quality_update / throughput webhooks: the channel row follows Meta's word. */
export async function applyNumberUpdate(
  tx: TenantTx,
  workspaceId: string,
  channelId: string,
  patch: { qualityRating?: string; messagingLimit?: string; throughputMps?: number },
  at: Date,
): Promise<void> {
  const set: Parameters<typeof updateChannel>[3] = {};
  if (patch.qualityRating) set.quality_rating = patch.qualityRating;
  if (patch.messagingLimit) set.messaging_limit = patch.messagingLimit;
  if (patch.throughputMps) set.throughput_mps = patch.throughputMps;
  if (Object.keys(set).length) await updateChannel(tx, workspaceId, channelId, set, at);
}
