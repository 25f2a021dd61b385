import type { Keyring } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import { countryOf } from '../campaigns';

// Contexts the messages and contacts modules seal these values under (messages/deps.ts
// PAYLOAD_CONTEXT, contacts/resolve-contacts.ts PHONE_CONTEXT); decryption checks them.
const PAYLOAD_CONTEXT = 'message.payload';
const PHONE_CONTEXT = 'contact.phone';

/**
 * The "name/language" of a template send, read from its sealed payload; the rest of the payload
 * (the customer's parameters) is dropped here. Null when the payload is gone or its key shredded.
 */
export async function templateOfPayload(keyring: Keyring, tx: TenantTx, workspaceId: string, payload: Buffer | null): Promise<string | null> {
  if (!payload) return null;
  try {
    const opened = await keyring.decryptJson<{ content?: { template?: { name?: unknown; language?: { code?: unknown } | unknown } } }>(tx, workspaceId, payload, PAYLOAD_CONTEXT);
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
    return countryOf(await keyring.decryptText(tx, workspaceId, phone, PHONE_CONTEXT));
  } catch {
    return 'other';
  }
}
