import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes, createHash } from 'node:crypto';
import pg from 'pg';
import { listMigrations, migrate } from './migrate';
import { openDatabase, type Database } from './open-database';

// Test support only: each test file works on its own copy of one migrated template database
// (on PGlite or, with TEST_DATABASE_URL, on the PostgreSQL server), because migrating anew
// per file costs seconds.

export const pgliteTemplateDir = resolve('tmp/test-template');
const templateDatabaseName = 'whatgrow_test_template';

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(m.version).update(m.sql);
  return hash.digest('hex').slice(0, 16);
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Builds the migrated template once per migration set (run by scripts/run-tests.mjs). */
export async function prepareTemplate(): Promise<void> {
  const url = testDatabaseUrl();
  const fingerprint = migrationsFingerprint();
  if (url) {
    await adminQuery(url, `drop database if exists ${templateDatabaseName}`);
    await adminQuery(url, `create database ${templateDatabaseName}`);
    const database = await openDatabase({ databaseUrl: withDatabaseName(url, templateDatabaseName), dataDir: '' });
    await migrate(database);
    await database.close();
    return;
  }
  const stampDir = join(pgliteTemplateDir, `migrated-${fingerprint}`);
  if (existsSync(stampDir)) return; // already built for these migrations
  rmSync(pgliteTemplateDir, { recursive: true, force: true });
  mkdirSync(pgliteTemplateDir, { recursive: true });
  const database = await openDatabase({ dataDir: pgliteTemplateDir, skipLock: true });
  await migrate(database);
  await database.close();
  mkdirSync(stampDir);
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
    await adminQuery(url, `create database ${name} template ${templateDatabaseName}`);
    const copyUrl = withDatabaseName(url, name);
    const database = await openDatabase({ databaseUrl: copyUrl, dataDir: '', poolSize: 5 });
    return {
      ...database,
      url: copyUrl,
      async close() {
        await database.close();
        await adminQuery(url, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const dataDir = resolve('tmp/test-dbs', name);
  mkdirSync(dataDir, { recursive: true });
  cpSync(join(pgliteTemplateDir, 'pgdata'), join(dataDir, 'pgdata'), { recursive: true });
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
