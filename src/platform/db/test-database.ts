import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, migrationsFingerprint } from './migrate';
import { openDatabase, type Database } from './open-database';
import { adminQuery, createScratchDatabase, withDatabaseName } from './scratch-database';

// Test support only: each test file works on its own copy of one migrated template database
// (on PGlite or, with TEST_DATABASE_URL, on the PostgreSQL server), because migrating anew
// per file costs seconds. On PGlite the template is a dump (an uncompressed tar of the data
// directory) and each copy lives in memory: no 41 MB copied to disk and removed again per file.

// Templates are named by the fingerprint of the migrations they hold and built under a temporary
// name, then renamed into place: runs with different migrations (or running side by side) never
// see each other's half-built template.
// scripts/run-tests.mjs pins the fingerprint it prepared, so a migration added while tests run
// cannot send later test files looking for a template nobody built.
const fingerprint = () => process.env.TEST_TEMPLATE_FINGERPRINT || migrationsFingerprint();
const pgliteTemplateDump = () => resolve('tmp/test-template', `${fingerprint()}.tar`);
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
  const target = pgliteTemplateDump();
  if (existsSync(target)) return fingerprint();
  const temporary = resolve('tmp/test-template', `building-${building}`);
  mkdirSync(temporary, { recursive: true });
  try {
    const database = await openDatabase({ dataDir: temporary, skipLock: true });
    await migrate(database);
    await database.close();
    const pglite = new PGlite(resolve(temporary, 'pgdata'));
    await pglite.waitReady;
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    // Written beside the target and renamed: a run side by side never reads half a dump.
    writeFileSync(`${temporary}.tar`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${temporary}.tar`, target);
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return fingerprint();
}

export interface TestDatabase extends Database {
  /** The URL of this copy on PostgreSQL, for tests that start a second process. */
  url?: string;
  /** On PGlite, an empty directory of this copy's own for files (media, keys); removed by `close()`. */
  dataDir?: string;
}

// Read once per process: test files grouped into one process share the bytes, never a database.
let templateDump: Blob | undefined;

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
  templateDump ??= new Blob([readFileSync(pgliteTemplateDump())]);
  const dataDir = resolve('tmp/test-dbs', name);
  mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase({ dataDir, snapshot: templateDump });
  return {
    ...database,
    dataDir,
    async close() {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
