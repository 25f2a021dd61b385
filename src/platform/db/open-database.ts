import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { PGliteDialect } from './pglite-dialect';
import { loadPgliteSeed } from './pglite-seed';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: AnyDb;
  /** Runs a multi-statement SQL script (migrations); statements without parameters. */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; the data lives in `<dataDir>/pgdata`. */
  dataDir: string;
  poolSize?: number;
  /** Tests open private copies that no other process can see, so they skip the pid lock. */
  skipLock?: boolean;
  /** A new embedded database starts from the seed built at install time (false: run initdb). */
  seed?: boolean;
}

// int8 (counts, sequences) as numbers on both engines; PGlite already does this.
const INT8_OID = 20;
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types: pgTypes });
    const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
      db,
      async execScript(sqlText) {
        const client = await pool.connect();
        try {
          await client.query(sqlText);
        } finally {
          client.release();
        }
      },
      async close() {
        await db.destroy();
      },
    };
  }
  const unlock = options.skipLock ? () => {} : lockDataDir(options.dataDir);
  try {
    const pgdata = join(options.dataDir, 'pgdata');
    const seed = options.seed !== false && !existsSync(pgdata) ? loadPgliteSeed() : undefined;
    const pglite = new PGlite(pgdata, seed ? { loadDataDir: seed } : {});
    await pglite.waitReady;
    const db: AnyDb = new Kysely({ dialect: new PGliteDialect(pglite) });
    return {
      kind: 'pglite',
      db,
      async execScript(sqlText) {
        // Through Kysely's connection queue, so a script never interleaves with a transaction.
        await db.connection().execute(async () => {
          await pglite.exec(sqlText);
        });
      },
      async close() {
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
