import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import pg from 'pg';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { PGliteDialect } from './pglite-dialect';
import { ReconnectingPostgresDialect } from './reconnecting-dialect';
import { loadPgliteSeed } from './pglite-seed';
import type { Logger } from '../logging';
import type { DB } from './schema.generated';

/** The pool, typed by the schema the migrations build (schema.generated.ts, `npm run db:types`). */
export type AnyDb = Kysely<DB>;

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
  /** An embedded database held in memory, loaded from this dump of a data directory (tests); `dataDir` is then not used. */
  snapshot?: Blob;
  /** An empty embedded database held in memory only (schema introspection); `dataDir` is then not used. */
  memory?: boolean;
  /** Where lost connections are reported (they are replaced either way). */
  logger?: Logger;
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
    watchConnections(pool, options.logger);
    const db: AnyDb = new Kysely({ dialect: new ReconnectingPostgresDialect({ pool }) });
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
  const inMemory = options.snapshot !== undefined || options.memory === true;
  const unlock = options.skipLock || inMemory ? () => {} : lockDataDir(options.dataDir);
  try {
    const pglite = options.snapshot ? new PGlite({ loadDataDir: options.snapshot }) : options.memory ? new PGlite() : openDataDir(options);
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

function openDataDir(options: DatabaseOptions): PGlite {
  const pgdata = join(options.dataDir, 'pgdata');
  const seed = options.seed !== false && !existsSync(pgdata) ? loadPgliteSeed() : undefined;
  return new PGlite(pgdata, seed ? { loadDataDir: seed } : {});
}

/**
 * A server that ends a session (pg_terminate_backend, restart, failover, a proxy's idle timeout)
 * makes `pg` emit 'error' — on the pool for an idle client, on the client itself for one checked
 * out — and an 'error' event nobody listens to ends the process. The pool already discards such a
 * client (it is no longer queryable, so its release removes it) and opens a fresh one on demand;
 * the statement that was running fails and its caller retries. These listeners only keep the
 * event from being fatal.
 */
function watchConnections(pool: pg.Pool, logger: Logger | undefined): void {
  const report = (error: Error) => logger?.warn({ err: { message: error.message, code: (error as { code?: string }).code } }, 'database connection lost; the pool replaces it');
  pool.on('connect', (client) => void client.on('error', report));
  // Re-emitted by the pool for idle clients, already reported by the client's own listener.
  pool.on('error', () => undefined);
}
