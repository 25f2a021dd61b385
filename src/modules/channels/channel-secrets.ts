import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';

export interface SandboxCustomer {
  waId: string;
  name: string;
}

/** What a channel keeps secret; sealed under the channel's data key, never returned or logged. */
export interface ChannelSecrets {
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  /** Sandbox only: the customer-phone page's key and the simulated customers. */
  phoneKey?: string;
  sandboxCustomers?: SandboxCustomer[];
}

const CONTEXT = 'channel.secrets';

export async function sealChannelSecrets(keyring: Keyring, tx: TenantTx, workspaceId: string, channelId: string, secrets: ChannelSecrets): Promise<Buffer> {
  const keyId = await keyring.dataKeyForOwner(tx, workspaceId, { type: 'channel', id: channelId });
  return keyring.encryptJson(tx, workspaceId, keyId, secrets, CONTEXT);
}

export function openChannelSecrets(keyring: Keyring, tx: TenantTx, workspaceId: string, sealed: Buffer): Promise<ChannelSecrets> {
  return keyring.decryptJson<ChannelSecrets>(tx, workspaceId, sealed, CONTEXT);
}
