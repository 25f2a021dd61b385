import { sql } from 'kysely';
import type { AnyDb } from './open-database';

/**
 * VACUUM of a queue table whose rows die as fast as they are claimed. Claims walk the pending
 * index from its oldest entries, which are the dead versions of rows already claimed; autovacuum
 * removes them at most once a minute (and PGlite never), by when a busy sender's claims read
 * thousands of pages each. SKIP_LOCKED: a vacuum already running (another worker's) is enough.
 * Runs outside a transaction, as the table's owner (another user only gets a warning).
 */
export async function vacuumQueue(db: AnyDb, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  await sql`vacuum (skip_locked) ${sql.raw(table)}`.execute(db);
}
