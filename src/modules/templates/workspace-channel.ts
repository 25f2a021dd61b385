import { sql } from 'kysely';
import type { TenantTx } from '../../platform/db';
import { AppError } from '../../platform/http';

export interface WorkspaceChannel {
  id: string;
  wabaId: string;
  throughputMps: number;
}

/**
 * The channel a request names, or the workspace's only channel. Read-only look at the channels
 * table (the channels module exports no lister yet): id, WABA and throughput only.
 */
export async function resolveWorkspaceChannel(tx: TenantTx, workspaceId: string, channelId: string | undefined): Promise<WorkspaceChannel> {
  const { rows } = await sql<{ id: string; waba_id: string; throughput_mps: number }>`
    select id, waba_id, throughput_mps from channels where workspace_id = ${workspaceId} ${channelId ? sql`and id = ${channelId}` : sql``} limit 2`.execute(tx);
  if (channelId && !rows.length) throw new AppError(404, 'not_found', 'No such channel in this workspace.');
  if (!rows.length) throw new AppError(422, 'channel_required', 'Connect a WhatsApp channel first.');
  if (rows.length > 1) throw new AppError(422, 'channel_required', 'This workspace has several channels: say which one with channelId.');
  const [row] = rows;
  return { id: row!.id, wabaId: row!.waba_id, throughputMps: Number(row!.throughput_mps) };
}
