import { sql } from 'kysely';
import type { AnyDb } from '../db';
import type { MasterKeys } from './master-key';
import { sealKeyCheck, systemKeyContext } from './system-keys';
import { indexKeyContext, workspaceKeyContext } from './workspace-key-store';

const BATCH = 500;

interface WrappedTable {
  table: 'crypto_workspace_keys' | 'crypto_index_keys' | 'crypto_system_keys';
  keyColumns: ('workspace_id' | 'version' | 'purpose')[];
  context: (row: Record<string, unknown>) => string;
}

// Everything wrapped directly under the master key. Data keys are wrapped under workspace keys,
// so a master rotation never reads them, and no ciphertext is touched.
const tables: WrappedTable[] = [
  { table: 'crypto_workspace_keys', keyColumns: ['workspace_id', 'version'], context: (r) => workspaceKeyContext(String(r.workspace_id), Number(r.version)) },
  { table: 'crypto_index_keys', keyColumns: ['workspace_id'], context: (r) => indexKeyContext(String(r.workspace_id)) },
  { table: 'crypto_system_keys', keyColumns: ['purpose', 'version'], context: (r) => systemKeyContext(String(r.purpose), Number(r.version)) },
];

/**
 * Re-wraps every key still under a previous master key with MASTER_KEY, then moves the key check
 * to it. Batches commit one by one and each row names its master key, so an interrupted rotation
 * is consistent and running it again finishes it. Runs outside any tenant: it spans all workspaces.
 */
export async function rotateMasterKey(db: AnyDb, masters: MasterKeys): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, keyColumns, context } of tables) {
    let total = 0;
    for (;;) {
      const rewrapped = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom(table)
          .select([...keyColumns, 'master_key_id', 'wrapped'])
          .where('master_key_id', '<>', masters.current.id)
          .limit(BATCH)
          .forUpdate()
          .execute();
        for (const row of rows) {
          const key = masters.unwrap(row.master_key_id, row.wrapped, context(row));
          const { masterKeyId, wrapped } = masters.wrap(key, context(row));
          let update = trx.updateTable(table).set({ master_key_id: masterKeyId, wrapped });
          for (const column of keyColumns) update = update.where(column, '=', row[column]);
          await update.execute();
        }
        return rows.length;
      });
      total += rewrapped;
      if (rewrapped < BATCH) break;
    }
    counts[table] = total;
  }
  await db
    .updateTable('crypto_key_check')
    .set({ master_key_id: masters.current.id, sealed: sealKeyCheck(masters.current), updated_at: sql`now()` })
    .execute();
  return counts;
}
