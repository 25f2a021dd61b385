import type { TenantTx } from '../../platform/db';
import { findContacts } from './contact.repository';
import type { ContactsDeps } from './deps';
import { BSUID_CONTEXT, PHONE_CONTEXT, resolveContacts } from './resolve-contacts';

export type RecipientRef = { to: string } | { contactId: string };

export interface Recipient {
  contactId: string;
  keyId: string;
  /** What goes in Meta's `to`: the phone as given, or the BSUID. */
  to: string;
}

const PHONE = /^\+?[\d\s().-]{6,24}$/;

/**
 * A send's recipient: `to` (E.164 phone or BSUID) finds or creates its contact; `contactId`
 * names a contact of this workspace (null if none, or if it has no address) whose stored phone is
 * the address, or its BSUID when WhatsApp never told us the phone (a username hides it).
 */
export async function resolveRecipient(deps: ContactsDeps, tx: TenantTx, workspaceId: string, ref: RecipientRef): Promise<Recipient | null> {
  if ('to' in ref) {
    const isPhone = PHONE.test(ref.to);
    const identity = isPhone ? { waId: ref.to.replace(/\D/g, '') } : { bsuid: ref.to };
    const [found] = await resolveContacts(deps, tx, workspaceId, [identity]);
    return found ? { contactId: found.contactId, keyId: found.keyId, to: isPhone ? `+${identity.waId}` : ref.to } : null;
  }
  const [row] = await findContacts(tx, workspaceId, [ref.contactId]);
  if (!row) return null;
  const address = row.phone ? await deps.keyring.decryptText(tx, workspaceId, row.phone, PHONE_CONTEXT) : row.bsuid ? await deps.keyring.decryptText(tx, workspaceId, row.bsuid, BSUID_CONTEXT) : null;
  return address ? { contactId: row.id, keyId: row.key_id, to: address } : null;
}
