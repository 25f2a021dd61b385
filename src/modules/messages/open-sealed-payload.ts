import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import { PAYLOAD_CONTEXT } from './deps';

/** A message's payload from its sealed column, for modules that read messages rows directly. */
export const openSealedPayload = <T>(keyring: Keyring, tx: TenantTx, workspaceId: string, sealed: Buffer): Promise<T> =>
  keyring.decryptJson<T>(tx, workspaceId, sealed, PAYLOAD_CONTEXT);
