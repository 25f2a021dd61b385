import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './test-database';
import { withTenant } from './with-tenant';
import { newId } from './ids';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database.close();
});

test('row-level security shows a tenant transaction only its own workspace, even as a superuser', async () => {
  const a = newId();
  const b = newId();
  await database.db.insertInto('workspaces').values([{ workspace_id: a, name: 'A' }, { workspace_id: b, name: 'B' }]).execute();

  const seen = await withTenant(database.db, a, (tx) => tx.selectFrom('workspaces').select('workspace_id').execute());
  assert.deepEqual(seen.map((r) => r.workspace_id), [a]);

  const role = await withTenant(database.db, a, async (tx) => (await sql<{ r: string }>`select current_user as r`.execute(tx)).rows[0]?.r);
  assert.equal(role, 'whatgrow_app');
});

test('a tenant transaction cannot write rows of another workspace', async () => {
  const a = newId();
  const b = newId();
  await database.db.insertInto('workspaces').values([{ workspace_id: a, name: 'A' }, { workspace_id: b, name: 'B' }]).execute();
  await assert.rejects(
    withTenant(database.db, a, (tx) => tx.insertInto('api_keys').values({ workspace_id: b, id: newId(), name: 'x', role: 'owner', key_hash: 'h', prefix: 'p' }).execute()),
    /row-level security/,
  );
  const updated = await withTenant(database.db, a, (tx) => tx.updateTable('workspaces').set({ name: 'hijacked' }).where('workspace_id', '=', b).executeTakeFirst());
  assert.equal(Number(updated.numUpdatedRows), 0);
});

// Global tables that carry a workspace id without being partitioned by it: the job queue, and the
// webhook routing table keyed by Meta's phone number id (still row-level secured).
const globalTables = new Set(['jobs', 'channel_routes']);

test('every tenant table leads its primary key with workspace_id and forces row-level security', async () => {
  const { rows } = await sql<{ table_name: string; forced: boolean; first_pk_column: string }>`
    select c.relname as table_name, c.relforcerowsecurity as forced,
      (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where i.indrelid = c.oid and i.indisprimary) as first_pk_column
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped)
      and c.relname <> 'jobs'`.execute(database.db);
  assert.ok(rows.some((r) => r.table_name === 'channel_routes' && r.forced), 'the routing table is row-level secured too');
  assert.ok(rows.length >= 5);
  for (const row of rows) {
    assert.equal(row.forced, true, `${row.table_name} must force row-level security`);
    if (!globalTables.has(row.table_name)) assert.equal(row.first_pk_column, 'workspace_id', `${row.table_name} must lead its primary key with workspace_id`);
  }
});
