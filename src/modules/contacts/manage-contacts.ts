import { newId, withTenant, type TenantTx } from '../../platform/db';
import { normalizePhone } from '../../platform/crypto';
import { publishEvent } from '../../platform/events';
import type { Actor } from '../privacy';
import { findContacts, findIdentities, insertContacts, insertIdentities, listContacts, updateContactFields } from './contact.repository';
import { ATTRIBUTES_CONTEXT, toContactView, type ContactView } from './contact-view';
import { contactSearchTokens, queryTokens } from './contact-search';
import type { ContactsDeps } from './deps';
import { contactErrors } from './errors';
import { NAME_CONTEXT, PHONE_CONTEXT } from './resolve-contacts';

/**
 * `q` matches name words (or their first 3+ letters) and phone digits through blind tokens (names
 * are encrypted), and a phone number, wa_id or BSUID exactly through the identity index.
 */
export async function listWorkspaceContacts(deps: ContactsDeps, workspaceId: string, f: { q?: string; tag?: string; before?: string; limit: number }): Promise<ContactView[]> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const search = f.q?.trim() ? await contactSearch(deps, tx, workspaceId, f.q) : undefined;
    const rows = await listContacts(tx, workspaceId, { limit: f.limit, before: f.before, tag: f.tag, search });
    return Promise.all(rows.map((r) => toContactView(deps, tx, workspaceId, r)));
  });
}

/** Ids of the contacts `q` matches (as in the contact list), newest first: the inbox's conversation search. */
export async function searchContactIds(deps: ContactsDeps, tx: TenantTx, workspaceId: string, q: string, limit: number): Promise<string[]> {
  if (!q.trim()) return [];
  const rows = await listContacts(tx, workspaceId, { limit, search: await contactSearch(deps, tx, workspaceId, q) });
  return rows.map((r) => r.id);
}

async function contactSearch(deps: ContactsDeps, tx: TenantTx, workspaceId: string, q: string): Promise<{ ids: string[]; tokens: string[] }> {
  const digits = normalizePhone(q);
  const identityTokens = [await deps.keyring.blindToken(tx, workspaceId, 'bsuid', q)];
  if (digits) identityTokens.push(await deps.keyring.blindToken(tx, workspaceId, 'phone', digits));
  const ids = [...new Set((await findIdentities(tx, workspaceId, identityTokens)).map((r) => r.contact_id))];
  return { ids, tokens: await queryTokens(deps.keyring, tx, workspaceId, q) };
}

export async function getContact(deps: ContactsDeps, workspaceId: string, id: string): Promise<ContactView> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const [row] = await findContacts(tx, workspaceId, [id]);
    if (!row) throw contactErrors.notFound();
    return toContactView(deps, tx, workspaceId, row);
  });
}

export async function createContact(deps: ContactsDeps, workspaceId: string, actor: Actor, input: { phone: string; name?: string; tags?: string[]; attributes?: Record<string, string> }): Promise<ContactView> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const digits = normalizePhone(input.phone);
    const waTok = await deps.keyring.blindToken(tx, workspaceId, 'wa_id', digits);
    const phoneTok = await deps.keyring.blindToken(tx, workspaceId, 'phone', digits);
    const [existing] = await findIdentities(tx, workspaceId, [waTok, phoneTok]);
    if (existing) throw contactErrors.exists(existing.contact_id);
    const id = newId();
    const keyId = await deps.keyring.createDataKey(tx, workspaceId, { type: 'contact', id });
    await insertContacts(tx, [{
      workspace_id: workspaceId, id, key_id: keyId, profile_name: input.name ? await deps.keyring.encrypt(tx, workspaceId, keyId, input.name, NAME_CONTEXT) : null, phone: await deps.keyring.encrypt(tx, workspaceId, keyId, `+${digits}`, PHONE_CONTEXT),
      search_tokens: await contactSearchTokens(deps.keyring, tx, workspaceId, { name: input.name ?? null, phone: digits }),
    }]);
    await insertIdentities(tx, workspaceId, [{ kind: 'wa_id', token: waTok, contactId: id }, { kind: 'phone', token: phoneTok, contactId: id }]);
    const set: Parameters<typeof updateContactFields>[3] = {};
    if (input.tags) set.tags = input.tags;
    if (input.attributes) set.attributes = await deps.keyring.encryptJson(tx, workspaceId, keyId, input.attributes, ATTRIBUTES_CONTEXT);
    if (Object.keys(set).length) await updateContactFields(tx, workspaceId, id, set, deps.clock.now());
    await publishEvent(tx, workspaceId, 'contact.created', { contactId: id });
    await deps.audit.record(tx, workspaceId, actor, { action: 'contact.create', target: { type: 'contact', id } });
    const [row] = await findContacts(tx, workspaceId, [id]);
    return toContactView(deps, tx, workspaceId, row!);
  });
}

export async function patchContact(deps: ContactsDeps, workspaceId: string, actor: Actor, id: string, input: { name?: string; tags?: string[]; attributes?: Record<string, string> }): Promise<ContactView> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const [row] = await findContacts(tx, workspaceId, [id]);
    if (!row) throw contactErrors.notFound();
    const set: Parameters<typeof updateContactFields>[3] = {};
    if (input.name !== undefined) {
      set.profile_name = await deps.keyring.encrypt(tx, workspaceId, row.key_id, input.name, NAME_CONTEXT);
      const phone = row.phone ? await deps.keyring.decryptText(tx, workspaceId, row.phone, PHONE_CONTEXT) : null;
      set.search_tokens = await contactSearchTokens(deps.keyring, tx, workspaceId, { name: input.name, phone });
    }
    if (input.tags) set.tags = input.tags;
    if (input.attributes) set.attributes = await deps.keyring.encryptJson(tx, workspaceId, row.key_id, input.attributes, ATTRIBUTES_CONTEXT);
    await updateContactFields(tx, workspaceId, id, set, deps.clock.now());
    await publishEvent(tx, workspaceId, 'contact.updated', { contactId: id });
    await deps.audit.record(tx, workspaceId, actor, { action: 'contact.update', target: { type: 'contact', id }, details: { fields: Object.keys(set).filter((k) => k !== 'search_tokens') } });
    const [updated] = await findContacts(tx, workspaceId, [id]);
    return toContactView(deps, tx, workspaceId, updated!);
  });
}
