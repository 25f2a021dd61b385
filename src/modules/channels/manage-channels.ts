import { withTenant } from '../../platform/db';
import { notFound } from '../../platform/http';
import type { Actor } from '../privacy';
import { openChannelSecrets, sealChannelSecrets } from './channel-secrets';
import { deleteChannel, findChannel, listChannels, updateChannel, updateVerifyTokenHash } from './channel.repository';
import type { ChannelDeps } from './deps';
import { forgetChannelCredentials } from './channel-credentials';
import { sha256Hex } from './hash';

export function listWorkspaceChannels(deps: ChannelDeps, workspaceId: string) {
  return withTenant(deps.db, workspaceId, (tx) => listChannels(tx, workspaceId));
}

export async function getChannel(deps: ChannelDeps, workspaceId: string, id: string) {
  const row = await withTenant(deps.db, workspaceId, (tx) => findChannel(tx, workspaceId, id));
  if (!row) throw notFound('channel');
  return row;
}

export interface ChannelPatch {
  throughputMps?: number;
  accessToken?: string;
  appSecret?: string;
  verifyToken?: string;
}

/** Changes the throughput (20 for numbers shared with the Business app) or rotates credentials. */
export async function patchChannel(deps: ChannelDeps, workspaceId: string, actor: Actor, id: string, patch: ChannelPatch) {
  const updated = await withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findChannel(tx, workspaceId, id);
    if (!row) throw notFound('channel');
    const rotating = patch.accessToken !== undefined || patch.appSecret !== undefined || patch.verifyToken !== undefined;
    let secrets = row.secrets;
    if (rotating) {
      const current = await openChannelSecrets(deps.keyring, tx, workspaceId, row.secrets);
      const next = { ...current, ...Object.fromEntries(Object.entries({ accessToken: patch.accessToken, appSecret: patch.appSecret, verifyToken: patch.verifyToken }).filter(([, v]) => v !== undefined)) };
      secrets = await sealChannelSecrets(deps.keyring, tx, workspaceId, id, next);
      if (patch.verifyToken !== undefined) await updateVerifyTokenHash(tx, workspaceId, id, sha256Hex(patch.verifyToken));
    }
    const now = deps.clock.now();
    await updateChannel(tx, workspaceId, id, { secrets, ...(patch.throughputMps === undefined ? {} : { throughput_mps: patch.throughputMps }) }, now);
    await deps.audit.record(tx, workspaceId, actor, {
      action: 'channel.updated',
      target: { type: 'channel', id },
      details: { fields: Object.keys(patch).filter((k) => patch[k as keyof ChannelPatch] !== undefined) },
    });
    return (await findChannel(tx, workspaceId, id))!;
  });
  // After the commit, this process stops using the old secrets at once; others within the cache's TTL.
  forgetChannelCredentials(updated.phone_number_id);
  return updated;
}

export async function disconnectChannel(deps: ChannelDeps, workspaceId: string, actor: Actor, id: string) {
  const phoneNumberId = await withTenant(deps.db, workspaceId, async (tx) => {
    const row = await findChannel(tx, workspaceId, id);
    if (!row) throw notFound('channel');
    await deleteChannel(tx, workspaceId, id);
    // The channel's secrets go with its data key.
    await deps.keyring.shredOwner(tx, workspaceId, { type: 'channel', id });
    await deps.audit.record(tx, workspaceId, actor, { action: 'channel.disconnected', target: { type: 'channel', id } });
    return row.phone_number_id;
  });
  forgetChannelCredentials(phoneNumberId);
}
