import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './open-database';

const migrationsDir = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ''), sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Identifies a set of migrations: templates and seeds built from one set are named by it. */
export function migrationsFingerprint(migrations = listMigrations()): string {
  const hash = createHash('sha256');
  for (const m of migrations) hash.update(m.version).update(m.sql);
  return hash.digest('hex').slice(0, 16);
}

async function appliedVersions(database: Database): Promise<Set<string>> {
  await database.execScript(
    'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
  );
  const { rows } = await sql<{ version: string }>`select version from schema_migrations`.execute(database.db);
  return new Set(rows.map((row) => row.version));
}

/**
 * Applies pending forward-only migrations, each in its own transaction. Several processes may
 * start at once on PostgreSQL: the advisory lock serializes them and the version row makes a
 * late arrival fail its transaction harmlessly, after which it sees the migration as applied.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<string[]> {
  const applied = await appliedVersions(database);
  const newlyApplied: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    const lock = database.kind === 'postgres' ? "select pg_advisory_xact_lock(hashtext('whatgrow_migrate'));" : '';
    try {
      await database.execScript(
        `begin; ${lock} insert into schema_migrations (version) values ('${migration.version}');\n${migration.sql}\n;commit;`,
      );
      newlyApplied.push(migration.version);
    } catch (error) {
      await database.execScript('rollback').catch(() => {});
      if (!(await appliedVersions(database)).has(migration.version)) {
        throw new Error(`Migration ${migration.version} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  }
  return newlyApplied;
}
