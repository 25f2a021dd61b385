import { sql } from 'kysely';
import type { AnyDb } from './open-database';

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * ANALYZE of tables a bulk operation just grew. The planner sizes "the rows of this workspace"
 * from the last ANALYZE: a workspace that imported 100,000 contacts or queued a campaign since
 * then looks tiny, and batched lookups by key become scans of the whole workspace (measured: 20,000
 * buffers to read 1,000 contacts; the campaign fell to 64% of its rate). Autovacuum re-analyzes
 * only after a minute and 10% of the whole table changed, which one workspace's growth in a big
 * table may never reach; PGlite has no autovacuum at all. Runs as the connection's user (the tables'
 * owner); a user who does not own them gets a warning, not an error.
 */
export async function refreshStatistics(db: AnyDb, tables: readonly string[]): Promise<void> {
  const names = tables.filter((t) => TABLE_NAME.test(t));
  if (names.length) await sql`analyze ${sql.raw(names.join(', '))}`.execute(db);
}
