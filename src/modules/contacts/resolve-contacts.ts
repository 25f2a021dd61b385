import { isIndexable } from '../../platform/crypto';
import { newId, type TenantTx } from '../../platform/db';
import { publishEvents } from '../../platform/events';
import { findContacts, findIdentities, insertContacts, insertIdentities, updateContactFields, type ContactRow, type IdentityKind } from './contact.repository';
import { contactSearchTokens } from './contact-search';
import type { ContactsDeps } from './deps';

export interface IdentityRef {
  bsuid?: string;
  waId?: string;
  profileName?: string;
  /** The customer's WhatsApp username (profile.username), when Meta sends one. */
  username?: string;
}

export interface ResolvedContact {
  contactId: string;
  keyId: string;
  created: boolean;
}

export const NAME_CONTEXT = 'contact.name';
export const PHONE_CONTEXT = 'contact.phone';
export const BSUID_CONTEXT = 'contact.bsuid';
export const USERNAME_CONTEXT = 'contact.username';

/**
 * Finds or creates the contacts of a batch of customer identities, BSUID first, then wa_id.
 * A known contact seen with a new identity (a BSUID arriving later) gains it; a changed profile
 * name is stored, and so is a BSUID it gained or had no sealed copy of (its address when it has no
 * phone). Names, phones and BSUIDs are sealed under each contact's own data key.
 * Returns one result per ref (undefined for a ref with no identity at all). An id with nothing to
 * index ("abc" or "+" as a wa_id) identifies nobody and counts as absent.
 */
export async function resolveContacts(deps: ContactsDeps, tx: TenantTx, workspaceId: string, given: IdentityRef[]): Promise<(ResolvedContact | undefined)[]> {
  const { keyring } = deps;
  const refs = given.map(usableIdentities);
  const tok = new Map<string, string>();
  const token = async (kind: IdentityKind, value: string) => {
    const k = `${kind}:${value}`;
    let t = tok.get(k);
    if (!t) tok.set(k, (t = await keyring.blindToken(tx, workspaceId, kind, value)));
    return t;
  };
  const refTokens: { bsuid?: string; waId?: string }[] = [];
  for (const r of refs) refTokens.push({ bsuid: r.bsuid ? await token('bsuid', r.bsuid) : undefined, waId: r.waId ? await token('wa_id', r.waId) : undefined });
  const known = new Map<string, string>();
  for (const row of await findIdentities(tx, workspaceId, [...new Set(tok.values())])) known.set(`${row.kind}:${row.token}`, row.contact_id);

  const newContacts: { id: string; ref: IdentityRef }[] = [];
  const newIdentities: { kind: IdentityKind; token: string; contactId: string }[] = [];
  const names = new Map<string, string>();
  const usernames = new Map<string, string>();
  /** The BSUID each contact was seen with; `gained` when its identity is new to the contact. */
  const bsuids = new Map<string, { value: string; gained: boolean }>();
  const contactIds: (string | undefined)[] = [];
  for (let i = 0; i < refs.length; i++) {
    const t = refTokens[i]!;
    let id = (t.bsuid && known.get(`bsuid:${t.bsuid}`)) || (t.waId && known.get(`wa_id:${t.waId}`)) || undefined;
    if (!id && (t.bsuid || t.waId)) {
      id = newId();
      newContacts.push({ id, ref: refs[i]! });
    }
    if (id) {
      const bsuid = refs[i]!.bsuid;
      if (bsuid) {
        const earlier = bsuids.get(id);
        bsuids.set(id, { value: bsuid, gained: !known.has(`bsuid:${t.bsuid}`) || (earlier?.value === bsuid && earlier.gained) });
      }
      for (const [kind, value] of [['bsuid', t.bsuid], ['wa_id', t.waId]] as const) {
        if (value && !known.has(`${kind}:${value}`)) {
          known.set(`${kind}:${value}`, id);
          newIdentities.push({ kind, token: value, contactId: id });
          if (kind === 'wa_id') newIdentities.push({ kind: 'phone', token: await token('phone', refs[i]!.waId!), contactId: id });
        }
      }
      if (refs[i]!.profileName) names.set(id, refs[i]!.profileName!);
      if (refs[i]!.username) usernames.set(id, refs[i]!.username!);
    }
    contactIds.push(id);
  }
  const created = new Set(newContacts.map((c) => c.id));
  const keyIds = await keyring.createDataKeys(tx, workspaceId, newContacts.map((c) => ({ type: 'contact', id: c.id })));
  const rows = [];
  for (const [i, c] of newContacts.entries()) {
    const keyId = keyIds[i]!;
    rows.push({
      workspace_id: workspaceId,
      id: c.id,
      key_id: keyId,
      profile_name: names.get(c.id) ? await keyring.encrypt(tx, workspaceId, keyId, names.get(c.id)!, NAME_CONTEXT) : null,
      phone: c.ref.waId ? await keyring.encrypt(tx, workspaceId, keyId, `+${c.ref.waId}`, PHONE_CONTEXT) : null,
      bsuid: c.ref.bsuid ? await keyring.encrypt(tx, workspaceId, keyId, c.ref.bsuid, BSUID_CONTEXT) : null,
      username: usernames.get(c.id) ? await keyring.encrypt(tx, workspaceId, keyId, usernames.get(c.id)!, USERNAME_CONTEXT) : null,
      search_tokens: await contactSearchTokens(keyring, tx, workspaceId, { name: names.get(c.id) ?? null, phone: c.ref.waId ?? null }),
    });
  }
  await insertContacts(tx, rows);
  await insertIdentities(tx, workspaceId, newIdentities);
  await publishEvents(tx, workspaceId, newContacts.map((c) => ({ type: 'contact.created' as const, data: { contactId: c.id } })));

  const ids = [...new Set(contactIds.filter((x): x is string => !!x))];
  const existing = await findContacts(tx, workspaceId, ids);
  const keyOf = new Map(existing.map((r) => [r.id, r.key_id]));
  for (const row of existing) {
    if (created.has(row.id)) continue;
    const set = {
      ...(await renamed(deps, tx, workspaceId, row, names.get(row.id))),
      ...(await sealedBsuid(deps, tx, workspaceId, row, bsuids.get(row.id))),
      ...(await changedUsername(deps, tx, workspaceId, row, usernames.get(row.id))),
    };
    if (Object.keys(set).length) await updateContactFields(tx, workspaceId, row.id, set, deps.clock.now());
  }
  return contactIds.map((id) => (id ? { contactId: id, keyId: keyOf.get(id)!, created: created.has(id) } : undefined));
}

function usableIdentities(r: IdentityRef): IdentityRef {
  return {
    ...r,
    bsuid: r.bsuid && isIndexable('bsuid', r.bsuid) ? r.bsuid : undefined,
    waId: r.waId && isIndexable('wa_id', r.waId) ? r.waId : undefined,
  };
}

/** A known contact's changed profile name, with the search tokens it changes. */
async function renamed(deps: ContactsDeps, tx: TenantTx, workspaceId: string, row: ContactRow, name: string | undefined): Promise<Partial<ContactRow>> {
  if (!name) return {};
  const current = row.profile_name ? await deps.keyring.decryptText(tx, workspaceId, row.profile_name, NAME_CONTEXT) : null;
  if (current === name) return {};
  const phone = row.phone ? await deps.keyring.decryptText(tx, workspaceId, row.phone, PHONE_CONTEXT) : null;
  return { profile_name: await deps.keyring.encrypt(tx, workspaceId, row.key_id, name, NAME_CONTEXT), search_tokens: await contactSearchTokens(deps.keyring, tx, workspaceId, { name, phone }) };
}

/** A known contact's new or changed WhatsApp username. */
async function changedUsername(deps: ContactsDeps, tx: TenantTx, workspaceId: string, row: ContactRow, username: string | undefined): Promise<Partial<ContactRow>> {
  if (!username) return {};
  const current = row.username ? await deps.keyring.decryptText(tx, workspaceId, row.username, USERNAME_CONTEXT) : null;
  return current === username ? {} : { username: await deps.keyring.encrypt(tx, workspaceId, row.key_id, username, USERNAME_CONTEXT) };
}

/**
 * The BSUID a known contact was seen with, sealed, when it is new to the contact or the contact has
 * no sealed BSUID yet (stored before BSUIDs were kept): without it the contact cannot be addressed
 * once WhatsApp hides its phone. Otherwise the sealed one is this BSUID already (nothing to decrypt).
 */
async function sealedBsuid(deps: ContactsDeps, tx: TenantTx, workspaceId: string, row: ContactRow, seen: { value: string; gained: boolean } | undefined): Promise<Partial<ContactRow>> {
  if (!seen || (row.bsuid && !seen.gained)) return {};
  return { bsuid: await deps.keyring.encrypt(tx, workspaceId, row.key_id, seen.value, BSUID_CONTEXT) };
}

/**
 * A number change or a new BSUID: the same contact gains the identity (no-op if someone holds it),
 * and the new phone or BSUID becomes its address.
 */
export async function addIdentity(deps: ContactsDeps, tx: TenantTx, workspaceId: string, contactId: string, kind: 'bsuid' | 'wa_id', value: string): Promise<void> {
  if (!isIndexable(kind, value)) return;
  const rows = [{ kind: kind as IdentityKind, token: await deps.keyring.blindToken(tx, workspaceId, kind, value), contactId }];
  if (kind === 'wa_id') rows.push({ kind: 'phone', token: await deps.keyring.blindToken(tx, workspaceId, 'phone', value), contactId });
  await insertIdentities(tx, workspaceId, rows);
  const [row] = await findContacts(tx, workspaceId, [contactId]);
  if (!row) return;
  if (kind === 'bsuid') {
    await updateContactFields(tx, workspaceId, contactId, { bsuid: await deps.keyring.encrypt(tx, workspaceId, row.key_id, value, BSUID_CONTEXT) }, deps.clock.now());
    return;
  }
  const name = row.profile_name ? await deps.keyring.decryptText(tx, workspaceId, row.profile_name, NAME_CONTEXT) : null;
  const search_tokens = await contactSearchTokens(deps.keyring, tx, workspaceId, { name, phone: value });
  await updateContactFields(tx, workspaceId, contactId, { phone: await deps.keyring.encrypt(tx, workspaceId, row.key_id, `+${value}`, PHONE_CONTEXT), search_tokens }, deps.clock.now());
}
