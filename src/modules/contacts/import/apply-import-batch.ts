import { newId, type TenantTx } from '../../../platform/db';
import { publishEvents } from '../../../platform/events';
import { contactSearchTokens } from '../contact-search';
import { ATTRIBUTES_CONTEXT } from '../contact-view';
import { findContacts, findIdentities, insertContacts, insertIdentities, updateContactFields, type NewContactRow } from '../contact.repository';
import type { ContactsDeps } from '../deps';
import { keptWithdrawnMessage } from '../customer-withdrawal';
import { recordConsentChanges } from '../record-consent';
import { NAME_CONTEXT, PHONE_CONTEXT } from '../resolve-contacts';
import { insertImportMembers } from './import.repository';
import type { ImportNotice, ImportRow } from './read-import-file';

/**
 * Creates or updates the contacts of a batch of valid rows, matched by phone through the blind
 * index: names, phones and attributes sealed under each contact's key, tags added, marketing
 * consent written to the ledger (source "import", one entry per import and contact) except where
 * the customer's own withdrawal stands, which the row's notice reports. Safe to repeat: a second
 * pass finds the contacts it made and the ledger refuses the same reference.
 */
export async function applyImportBatch(deps: ContactsDeps, tx: TenantTx, workspaceId: string, importId: string, rows: ImportRow[], at: Date): Promise<{ created: number; updated: number; notices: ImportNotice[] }> {
  const { keyring } = deps;
  // One at a time: the first call loads the index key, the rest hit the cache (no burst of loads).
  const phoneTok: string[] = [];
  const waTok: string[] = [];
  for (const r of rows) {
    phoneTok.push(await keyring.blindToken(tx, workspaceId, 'phone', r.digits));
    waTok.push(await keyring.blindToken(tx, workspaceId, 'wa_id', r.digits));
  }
  const owner = new Map((await findIdentities(tx, workspaceId, [...phoneTok, ...waTok])).map((i) => [i.token, i.contact_id]));
  const matched = rows.map((_, i) => owner.get(phoneTok[i]!) ?? owner.get(waTok[i]!));
  const existing = new Map((await findContacts(tx, workspaceId, matched.filter((id): id is string => !!id))).map((c) => [c.id, c]));

  const fresh = rows.flatMap((row, i) => (matched[i] && existing.has(matched[i]) ? [] : [{ row, i, id: newId() }]));
  const keyIds = await keyring.createDataKeys(tx, workspaceId, fresh.map((f) => ({ type: 'contact', id: f.id })));
  const inserts: NewContactRow[] = [];
  for (const [k, { row, id }] of fresh.entries()) {
    const keyId = keyIds[k]!;
    inserts.push({
      workspace_id: workspaceId, id, key_id: keyId,
      profile_name: row.name ? await keyring.encrypt(tx, workspaceId, keyId, row.name, NAME_CONTEXT) : null,
      phone: await keyring.encrypt(tx, workspaceId, keyId, `+${row.digits}`, PHONE_CONTEXT),
      tags: row.tags,
      attributes: Object.keys(row.attributes).length ? await keyring.encryptJson(tx, workspaceId, keyId, row.attributes, ATTRIBUTES_CONTEXT) : null,
      search_tokens: await contactSearchTokens(keyring, tx, workspaceId, { name: row.name ?? null, phone: row.digits }),
    });
  }
  await insertContacts(tx, inserts);
  await insertIdentities(tx, workspaceId, fresh.flatMap(({ i, id }) => [{ kind: 'wa_id' as const, token: waTok[i]!, contactId: id }, { kind: 'phone' as const, token: phoneTok[i]!, contactId: id }]));

  const freshId = new Map(fresh.map((f) => [f.i, f.id]));
  const contactIds = rows.map((_, i) => freshId.get(i) ?? matched[i]!);
  const updatedIds: string[] = [];
  for (const [i, row] of rows.entries()) {
    const current = existing.get(contactIds[i]!);
    if (!current) continue;
    const set: Parameters<typeof updateContactFields>[3] = {};
    if (row.name) {
      set.profile_name = await keyring.encrypt(tx, workspaceId, current.key_id, row.name, NAME_CONTEXT);
      set.search_tokens = await contactSearchTokens(keyring, tx, workspaceId, { name: row.name, phone: row.digits });
    }
    if (row.tags.some((t) => !current.tags.includes(t))) set.tags = [...new Set([...current.tags, ...row.tags])];
    if (Object.keys(row.attributes).length) {
      const before = current.attributes ? await keyring.decryptJson<Record<string, string>>(tx, workspaceId, current.attributes, ATTRIBUTES_CONTEXT) : {};
      set.attributes = await keyring.encryptJson(tx, workspaceId, current.key_id, { ...before, ...row.attributes }, ATTRIBUTES_CONTEXT);
    }
    if (Object.keys(set).length) await updateContactFields(tx, workspaceId, current.id, set, at);
    updatedIds.push(current.id);
  }

  const consent = rows.flatMap((row, i) => (row.consent === undefined ? [] : [{ contactId: contactIds[i]!, granted: row.consent, source: 'import' as const, reference: `import:${importId}`, at }]));
  const { keptWithdrawn } = await recordConsentChanges(tx, workspaceId, 'marketing', consent);
  const lineOf = new Map(rows.map((row, i) => [contactIds[i]!, row.line]));
  const notices = keptWithdrawn.map(({ contactId, withdrawal }): ImportNotice => ({ line: lineOf.get(contactId)!, column: 'marketing_consent', code: 'consent_withdrawn_by_customer', message: keptWithdrawnMessage(withdrawal) }));
  await insertImportMembers(tx, workspaceId, importId, contactIds);
  await publishEvents(tx, workspaceId, [
    ...fresh.map((f) => ({ type: 'contact.created' as const, data: { contactId: f.id } })),
    ...updatedIds.map((contactId) => ({ type: 'contact.updated' as const, data: { contactId } })),
  ]);
  return { created: fresh.length, updated: updatedIds.length, notices };
}
