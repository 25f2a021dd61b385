import { newId, withTenant, type TenantTx } from '../../platform/db';
import { readImportFile, startContactImport, type ImportError } from '../contacts';
import type { Actor } from '../privacy';
import type { GoogleDeps } from './deps';
import { googleErrors } from './errors';
import type { GoogleContact } from './fetch-google-contacts';
import { googleContactsCsv, namesByLine } from './google-contacts-csv';
import { deletePreviews, findPreview, insertPreview } from './contacts-preview.repository';
import { CONTACTS_READONLY_SCOPE } from './scopes';

const PREVIEW_TTL_MS = 30 * 60_000;
const PREVIEW_CONTEXT = 'google_contacts_preview.csv';
const keyOwner = (id: string) => ({ type: 'google_contacts_preview', id });

async function discard(deps: GoogleDeps, tx: TenantTx, workspaceId: string, which: { id: string } | { expiredAt: Date }): Promise<number> {
  const ids = await deletePreviews(tx, workspaceId, which);
  for (const id of ids) await deps.keyring.shredOwner(tx, workspaceId, keyOwner(id));
  return ids.length;
}

/**
 * Keeps the fetched contacts, as an import file sealed under a key of its own, until the person
 * confirms or cancels the import (at most 30 minutes; expired previews of the workspace go first).
 * The audit entry records the scope used, how many contacts were read and when.
 */
export async function createContactsPreview(deps: GoogleDeps, workspaceId: string, actor: Actor & { id: string }, contacts: GoogleContact[]): Promise<string> {
  const { csv, rows, withoutPhone } = googleContactsCsv(contacts);
  const id = newId();
  const now = deps.clock.now();
  await withTenant(deps.db, workspaceId, async (tx) => {
    await discard(deps, tx, workspaceId, { expiredAt: now });
    const keyId = await deps.keyring.createDataKey(tx, workspaceId, keyOwner(id));
    const sealed = await deps.keyring.encrypt(tx, workspaceId, keyId, csv, PREVIEW_CONTEXT);
    await insertPreview(tx, { workspace_id: workspaceId, id, user_id: actor.id, csv: sealed, total_rows: rows, without_phone: withoutPhone, expires_at: new Date(now.getTime() + PREVIEW_TTL_MS) });
    await deps.audit.record(tx, workspaceId, actor, {
      action: 'google.contacts_read',
      target: { type: 'google_contacts_preview', id },
      details: { scope: CONTACTS_READONLY_SCOPE, contacts: contacts.length, rows, at: now.toISOString() },
    });
  });
  return id;
}

/** A preview as the person sees it before importing: counts and each line that would fail, by the import's own rules. */
export async function readContactsPreview(deps: GoogleDeps, workspaceId: string, id: string) {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const preview = await findPreview(tx, workspaceId, id, deps.clock.now());
    if (!preview) throw googleErrors.previewNotFound();
    const csv = await deps.keyring.decrypt(tx, workspaceId, preview.csv, PREVIEW_CONTEXT);
    const nameOn = namesByLine(csv);
    const errors: (ImportError & { name: string | null })[] = [];
    const sample: { name: string | null; phone: string }[] = [];
    for await (const outcome of (await readImportFile(csv)).rows) {
      if (outcome.row && sample.length < 10) sample.push({ name: outcome.row.name ?? null, phone: `+${outcome.row.digits}` });
      for (const e of outcome.errors ?? []) errors.push({ ...e, name: nameOn(e.line) });
    }
    return { id, totalRows: preview.total_rows, validRows: preview.total_rows - new Set(errors.map((e) => e.line)).size, withoutPhone: preview.without_phone, expiresAt: preview.expires_at.toISOString(), sample, errors };
  });
}

/** Imports a preview through the CSV import path (consent never granted), then deletes it and its key. */
export async function confirmContactsPreview(deps: GoogleDeps, workspaceId: string, actor: Actor, id: string): Promise<{ importId: string }> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const preview = await findPreview(tx, workspaceId, id, deps.clock.now());
    if (!preview) throw googleErrors.previewNotFound();
    const csv = await deps.keyring.decrypt(tx, workspaceId, preview.csv, PREVIEW_CONTEXT);
    const started = await startContactImport(deps.contacts, tx, workspaceId, actor, csv);
    await discard(deps, tx, workspaceId, { id });
    return started;
  });
}

export async function cancelContactsPreview(deps: GoogleDeps, workspaceId: string, id: string): Promise<void> {
  const deleted = await withTenant(deps.db, workspaceId, (tx) => discard(deps, tx, workspaceId, { id }));
  if (!deleted) throw googleErrors.previewNotFound();
}
