import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { listMigrations, migrate } from './migrate';
import { openDatabase } from './open-database';
import { buildPgliteSeed, loadPgliteSeed } from './pglite-seed';

test('a new embedded database starts from the install-time seed, already migrated', async () => {
  await buildPgliteSeed();
  assert.ok(loadPgliteSeed(), 'the seed for the current migrations exists');
  const dataDir = mkdtempSync(join(tmpdir(), 'whatgrow-seeded-'));
  try {
    const database = await openDatabase({ dataDir, skipLock: true });
    assert.deepEqual(await migrate(database), [], 'nothing left to apply');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(database.db);
    assert.equal(rows[0]!.n, listMigrations().length);
    await sql`insert into workspaces (workspace_id, name) values ('w', 'kept')`.execute(database.db);
    await database.close();
    const reopened = await openDatabase({ dataDir, skipLock: true });
    const kept = await sql<{ name: string }>`select name from workspaces`.execute(reopened.db);
    assert.deepEqual(kept.rows, [{ name: 'kept' }], 'the seeded database is the one on disk, not a copy in memory');
    await reopened.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
