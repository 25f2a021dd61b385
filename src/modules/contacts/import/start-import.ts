import { isUtf8 } from 'node:buffer';
import { newId, type TenantTx } from '../../../platform/db';
import { enqueue, jobCatalog } from '../../../platform/jobs';
import type { Actor } from '../../privacy';
import type { ContactsDeps } from '../deps';
import { importErrors } from '../errors';
import { insertImport } from './import.repository';
import { readImportFile } from './read-import-file';

export const IMPORT_CSV_CONTEXT = 'contact_import.csv';
export const importKeyOwner = (importId: string) => ({ type: 'contact_import', id: importId });

/**
 * Accepts a CSV for import, in the caller's transaction (the one that stores its Idempotency-Key's
 * answer): its header is checked now (a file without a phone column is refused at once), the file
 * is sealed under a data key of its own, and a job carrying ids only does the rows.
 */
export async function startContactImport(deps: ContactsDeps, tx: TenantTx, workspaceId: string, actor: Actor, csv: Buffer): Promise<{ importId: string }> {
  // Checked on the bytes: the file is never held as one string.
  if (!isUtf8(csv)) throw importErrors.notUtf8();
  const file = await readImportFile(csv);
  if (file.headerErrors.length) {
    throw importErrors.headerUnusable(file.headerErrors.map((e) => ({ path: `body.line${e.line}`, message: e.message, code: e.code })));
  }
  let rows = 0;
  for await (const _ of file.rows) rows += 1;
  const id = newId();
  const keyId = await deps.keyring.createDataKey(tx, workspaceId, importKeyOwner(id));
  const sealed = await deps.keyring.encrypt(tx, workspaceId, keyId, csv, IMPORT_CSV_CONTEXT);
  await insertImport(tx, { workspace_id: workspaceId, id, status: 'queued', csv: sealed, total_rows: rows });
  await enqueue(tx, jobCatalog.contactImport, { workspaceId, importId: id }, { workspaceId });
  await deps.audit.record(tx, workspaceId, actor, { action: 'contact.import', target: { type: 'contact_import', id }, details: { rows, bytes: csv.length } });
  return { importId: id };
}
