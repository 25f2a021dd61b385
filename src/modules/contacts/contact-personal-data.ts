import { normalizePhone } from '../../platform/crypto';
import type { TenantTx } from '../../platform/db';
import type { PersonalDataPart } from '../privacy';
import { listConsentEntries } from './consent.repository';
import { deleteContactRows, identitiesOf } from './contact-erasure.repository';
import { findContacts } from './contact.repository';
import { ATTRIBUTES_CONTEXT } from './contact-view';
import type { ContactsDeps } from './deps';
import { BSUID_CONTEXT, NAME_CONTEXT, PHONE_CONTEXT, USERNAME_CONTEXT } from './resolve-contacts';

/** The contacts module's part of a person's data: the contact (profile, identities, tags, attributes) and the consent ledger. */
export function contactDataPart(deps: ContactsDeps): PersonalDataPart {
  const open = async (tx: TenantTx, workspaceId: string, value: Buffer | null | undefined, context: string) =>
    value ? deps.keyring.decryptText(tx, workspaceId, value, context) : null;
  return {
    async describe(tx, workspaceId, subject) {
      const [row] = await findContacts(tx, workspaceId, [subject.contactId]);
      if (!row) return false;
      // Read while the keys exist: raw envelopes are found by tokens of these values.
      const phone = await open(tx, workspaceId, row.phone, PHONE_CONTEXT);
      const bsuid = await open(tx, workspaceId, row.bsuid, BSUID_CONTEXT);
      if (phone && normalizePhone(phone)) subject.identifiers.waIds.push(normalizePhone(phone));
      if (bsuid) subject.identifiers.bsuids.push(bsuid);
      subject.identityTokens = (await identitiesOf(tx, workspaceId, subject.contactId)).map((r) => ({ kind: r.kind, token: r.token }));
      return true;
    },

    async export(tx, workspaceId, subject) {
      const [row] = await findContacts(tx, workspaceId, [subject.contactId]);
      const identities = await identitiesOf(tx, workspaceId, subject.contactId);
      const consent = await listConsentEntries(tx, workspaceId, subject.contactId);
      return {
        sections: {
          contact: {
            id: row!.id,
            name: await open(tx, workspaceId, row!.profile_name, NAME_CONTEXT),
            phone: await open(tx, workspaceId, row!.phone, PHONE_CONTEXT),
            username: await open(tx, workspaceId, row!.username, USERNAME_CONTEXT),
            bsuid: await open(tx, workspaceId, row!.bsuid, BSUID_CONTEXT),
            identities: identities.map((r) => ({ kind: r.kind, since: r.created_at.toISOString() })),
            tags: row!.tags,
            attributes: row!.attributes ? await deps.keyring.decryptJson<Record<string, string>>(tx, workspaceId, row!.attributes, ATTRIBUTES_CONTEXT) : {},
            createdAt: row!.created_at.toISOString(),
            updatedAt: row!.updated_at.toISOString(),
          },
          consent: consent.map((r) => ({
            purpose: r.purpose, seq: r.seq, granted: r.granted, source: r.source, reference: r.reference, at: r.at.toISOString(),
            proof: r.proof_collected_at ? { collectedAt: r.proof_collected_at.toISOString(), method: r.proof_method!, reference: r.proof_reference! } : null,
            prevHash: r.prev_hash, hash: r.hash,
          })),
        },
      };
    },

    async erase(tx, workspaceId, subject) {
      return { counts: await deleteContactRows(tx, workspaceId, subject.contactId) };
    },
  };
}
