import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import { PHONE_CONTEXT } from './resolve-contacts';

/** A contact's phone number from its sealed column, for modules that read contacts rows directly. */
export const openSealedPhone = (keyring: Keyring, tx: TenantTx, workspaceId: string, sealed: Buffer): Promise<string> =>
  keyring.decryptText(tx, workspaceId, sealed, PHONE_CONTEXT);
