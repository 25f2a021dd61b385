import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from './test-database';
import { refreshStatistics } from './refresh-statistics';
import { vacuumQueue } from './vacuum';

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
  await database.execScript('create table maintenance_probe (id int primary key, body text)');
});
after(async () => {
  await database.close();
});

const reltuples = async () => (await sql<{ n: number }>`select reltuples::int as n from pg_class where relname = 'maintenance_probe'`.execute(database.db)).rows[0]!.n;
const bytes = async () => Number((await sql<{ n: string }>`select pg_relation_size('maintenance_probe') as n`.execute(database.db)).rows[0]!.n);

test('refreshStatistics gives the planner the rows a bulk insert added', async () => {
  await sql`insert into maintenance_probe select i, repeat('x', 100) from generate_series(1, 5000) i`.execute(database.db);
  await refreshStatistics(database.db, ['maintenance_probe']);
  assert.equal(await reltuples(), 5000);
});

test('vacuumQueue reclaims the space of rows that died (the table shrinks once they are all gone)', async () => {
  assert.ok((await bytes()) > 0);
  await sql`delete from maintenance_probe`.execute(database.db);
  await vacuumQueue(database.db, 'maintenance_probe');
  assert.equal(await bytes(), 0);
  await assert.rejects(vacuumQueue(database.db, 'maintenance_probe; drop table x'), /not a table name/);
});
