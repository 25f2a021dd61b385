import type { Kysely } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import type { ImportError, ImportNotice } from './read-import-file';

export type ImportStatus = 'queued' | 'processing' | 'completed' | 'failed';

export interface ImportRowRecord {
  workspace_id: string;
  id: string;
  status: ImportStatus;
  csv: Buffer | null;
  total_rows: number;
  processed_rows: number;
  created: number;
  updated: number;
  error_count: number;
  errors: ImportError[];
  notice_count: number;
  notices: ImportNotice[];
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

interface ImportTables {
  contact_imports: ImportRowRecord;
  contact_import_members: { workspace_id: string; import_id: string; contact_id: string };
}


export async function insertImport(tx: TenantTx, row: Pick<ImportRowRecord, 'workspace_id' | 'id' | 'status' | 'csv' | 'total_rows'>): Promise<void> {
  await tx.insertInto('contact_imports').values(row as never).execute();
}

const PROGRESS = ['workspace_id', 'id', 'status', 'total_rows', 'processed_rows', 'created', 'updated', 'error_count', 'errors', 'notice_count', 'notices', 'created_at', 'updated_at', 'completed_at'] as const;
export type ImportProgress = Omit<ImportRowRecord, 'csv'>;

/** An import without its file. With `lock`, the row is held until the transaction ends: two runs of one import take turns. */
export function findImport(tx: TenantTx, workspaceId: string, id: string, lock = false): Promise<ImportProgress | undefined> {
  const q = tx.selectFrom('contact_imports').select(PROGRESS).where('workspace_id', '=', workspaceId).where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
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
  const values = { ...set, ...(set.errors ? { errors: JSON.stringify(set.errors) } : {}), ...(set.notices ? { notices: JSON.stringify(set.notices) } : {}) };
  await tx.updateTable('contact_imports').set({ ...values, updated_at: at } as never).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

export async function insertImportMembers(tx: TenantTx, workspaceId: string, importId: string, contactIds: string[]): Promise<void> {
  if (!contactIds.length) return;
  await tx
    .insertInto('contact_import_members')
    .values(contactIds.map((contact_id) => ({ workspace_id: workspaceId, import_id: importId, contact_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
