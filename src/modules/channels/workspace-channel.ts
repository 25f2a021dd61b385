import type { TenantTx } from '../../platform/db';
import { findSendChannels } from './channel.repository';
import { channelErrors } from './errors';

export interface WorkspaceChannel {
  id: string;
  wabaId: string;
  throughputMps: number;
}

/** The channel a request names, or the workspace's only channel (a send, a campaign, a template). */
export async function resolveWorkspaceChannel(tx: TenantTx, workspaceId: string, channelId: string | undefined): Promise<WorkspaceChannel> {
  const rows = await findSendChannels(tx, workspaceId, channelId, 2);
  if (channelId && !rows.length) throw channelErrors.notFound();
  if (!rows.length) throw channelErrors.noChannel();
  if (rows.length > 1) throw channelErrors.severalChannels();
  const [row] = rows;
  return { id: row!.id, wabaId: row!.waba_id, throughputMps: Number(row!.throughput_mps) };
}
