import type { Insertable, Selectable } from 'kysely';
import type { DB, TenantTx } from '../../../platform/db';
import type { ImportError, ImportNotice } from './read-import-file';

export type ImportStatus = DB['contact_imports']['status'];

/** An import as stored, its jsonb lists narrowed to what this module writes there. */
type ImportRowRecord = Omit<Selectable<DB['contact_imports']>, 'errors' | 'notices'> & { errors: ImportError[]; notices: ImportNotice[] };

export async function insertImport(tx: TenantTx, row: Pick<Insertable<DB['contact_imports']>, 'workspace_id' | 'id' | 'status' | 'csv' | 'total_rows'>): Promise<void> {
  await tx.insertInto('contact_imports').values(row).execute();
}

const PROGRESS = ['workspace_id', 'id', 'status', 'total_rows', 'processed_rows', 'created', 'updated', 'error_count', 'errors', 'notice_count', 'notices', 'created_at', 'updated_at', 'completed_at'] as const;
export type ImportProgress = Omit<ImportRowRecord, 'csv'>;

/** An import without its file. With `lock`, the row is held until the transaction ends: two runs of one import take turns. */
export function findImport(tx: TenantTx, workspaceId: string, id: string, lock = false): Promise<ImportProgress | undefined> {
  const q = tx.selectFrom('contact_imports').select(PROGRESS).where('workspace_id', '=', workspaceId).where('id', '=', id);
  // Reading jsonb asserts its shape: these lists are written only by updateImport below.
  return (lock ? q.forUpdate() : q).$castTo<ImportProgress>().executeTakeFirst();
}

/** The sealed file of an import still to process (null once processed). */
export async function findImportFile(tx: TenantTx, workspaceId: string, id: string): Promise<Buffer | null> {
  const row = await tx.selectFrom('contact_imports').select('csv').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return row?.csv ?? null;
}

export async function updateImport(
  tx: TenantTx,
  workspaceId: string,
  id: string,
  set: Partial<Pick<ImportRowRecord, 'status' | 'csv' | 'processed_rows' | 'created' | 'updated' | 'error_count' | 'errors' | 'notice_count' | 'notices' | 'completed_at'>>,
  at: Date,
): Promise<void> {
  const { errors, notices, ...rest } = set;
  const values = { ...rest, ...(errors ? { errors: JSON.stringify(errors) } : {}), ...(notices ? { notices: JSON.stringify(notices) } : {}) };
  await tx.updateTable('contact_imports').set({ ...values, updated_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertImportMembers(tx: TenantTx, workspaceId: string, importId: string, contactIds: string[]): Promise<void> {
  if (!contactIds.length) return;
  await tx
    .insertInto('contact_import_members')
    .values(contactIds.map((contact_id) => ({ workspace_id: workspaceId, import_id: importId, contact_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
