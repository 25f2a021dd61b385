import { createHmac, randomBytes } from 'node:crypto';
import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';

const CONTEXT = 'webhook.secret';

export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export async function sealSigningSecret(keyring: Keyring, tx: TenantTx, workspaceId: string, subscriptionId: string, secret: string): Promise<Buffer> {
  const keyId = await keyring.dataKeyForOwner(tx, workspaceId, { type: 'webhook_subscription', id: subscriptionId });
  return keyring.encrypt(tx, workspaceId, keyId, secret, CONTEXT);
}

export function openSigningSecret(keyring: Keyring, tx: TenantTx, workspaceId: string, sealed: Buffer): Promise<string> {
  return keyring.decryptText(tx, workspaceId, sealed, CONTEXT);
}

/** `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` */
export function signatureHeader(secret: string, unixSeconds: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
