import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import { countryOf } from '../campaigns';
import { openSealedPhone } from '../contacts';
import { openSealedPayload } from '../messages';

/**
 * The "name/language" of a template send, read from its sealed payload; the rest of the payload
 * (the customer's parameters) is dropped here. Null when the payload is gone or its key shredded.
 */
export async function templateOfPayload(keyring: Keyring, tx: TenantTx, workspaceId: string, payload: Buffer | null): Promise<string | null> {
  if (!payload) return null;
  try {
    const opened = await openSealedPayload<{ content?: { template?: { name?: unknown; language?: { code?: unknown } | unknown } } }>(keyring, tx, workspaceId, payload);
    const t = opened.content?.template;
    const language = t && typeof t.language === 'object' && t.language ? (t.language as { code?: unknown }).code : t?.language;
    return typeof t?.name === 'string' ? `${t.name}/${typeof language === 'string' ? language : ''}` : null;
  } catch {
    return null;
  }
}

/** The calling code ("1", "44", "other") of a contact's sealed number; the number itself is dropped. */
export async function countryOfSealedPhone(keyring: Keyring, tx: TenantTx, workspaceId: string, phone: Buffer | undefined): Promise<string> {
  if (!phone) return 'other';
  try {
    return countryOf(await openSealedPhone(keyring, tx, workspaceId, phone));
  } catch {
    return 'other';
  }
}
