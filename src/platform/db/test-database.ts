import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, migrationsFingerprint } from './migrate';
import { openDatabase, type Database } from './open-database';
import { adminQuery, createScratchDatabase, withDatabaseName } from './scratch-database';

// Test support only: each test file works on its own copy of one migrated template database
// (on PGlite or, with TEST_DATABASE_URL, on the PostgreSQL server), because migrating anew
// per file costs seconds.

// Templates are named by the fingerprint of the migrations they hold and built under a temporary
// name, then renamed into place: runs with different migrations (or running side by side) never
// see each other's half-built template.
// scripts/run-tests.mjs pins the fingerprint it prepared, so a migration added while tests run
// cannot send later test files looking for a template nobody built.
const fingerprint = () => process.env.TEST_TEMPLATE_FINGERPRINT || migrationsFingerprint();
const pgliteTemplateDir = () => resolve('tmp/test-template', fingerprint());
const templateDatabaseName = () => `whatgrow_test_template_${fingerprint()}`;

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** Builds the migrated template once per migration set (run by scripts/run-tests.mjs). */
/** Returns the fingerprint of the template it made ready. */
export async function prepareTemplate(): Promise<string> {
  const url = testDatabaseUrl();
  const building = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const exists = await client.query('select 1 from pg_database where datname = $1', [templateDatabaseName()]);
    await client.end();
    if (exists.rowCount) return fingerprint();
    const temporary = `whatgrow_test_building_${building}`;
    await adminQuery(url, `create database ${temporary}`);
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, temporary), dataDir: '' });
    await migrate(database);
    await database.close();
    await adminQuery(url, `alter database ${temporary} rename to ${templateDatabaseName()}`).catch(() => adminQuery(url, `drop database ${temporary}`));
    return fingerprint();
  }
  const target = pgliteTemplateDir();
  if (existsSync(target)) return fingerprint();
  const temporary = resolve('tmp/test-template', `building-${building}`);
  mkdirSync(temporary, { recursive: true });
  const database = await openDatabase({ dataDir: temporary, skipLock: true });
  await migrate(database);
  await database.close();
  try {
    renameSync(temporary, target);
  } catch {
    rmSync(temporary, { recursive: true, force: true }); // another run finished first
  }
  return fingerprint();
}

export interface TestDatabase extends Database {
  /** The URL of this copy on PostgreSQL, for tests that start a second process. */
  url?: string;
  dataDir?: string;
}

/** A private, migrated database for one test file; `close()` drops it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const name = `whatgrow_t_${randomBytes(6).toString('hex')}`;
  if (url) {
    const copy = await createScratchDatabase(url, name, { template: templateDatabaseName() });
    const database = await openDatabase({ databaseUrl: copy.url, dataDir: '', poolSize: 5 });
    return {
      ...database,
      url: copy.url,
      async close() {
        await database.close();
        await copy.drop();
      },
    };
  }
  const dataDir = resolve('tmp/test-dbs', name);
  mkdirSync(dataDir, { recursive: true });
  cpSync(join(pgliteTemplateDir(), 'pgdata'), join(dataDir, 'pgdata'), { recursive: true });
  const database = await openDatabase({ dataDir, skipLock: true });
  return {
    ...database,
    dataDir,
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
