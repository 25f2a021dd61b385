import pg from 'pg';

// Scratch databases on a PostgreSQL server, for test copies and benchmarks: created next to the
// database a URL names, and dropped (connections forced off) when done.

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs one statement on its own connection (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty (or `template`-copied) database beside the one `adminUrl` names. */
export async function createScratchDatabase(adminUrl: string, name: string, options: { template?: string } = {}): Promise<ScratchDatabase> {
  await adminQuery(adminUrl, `create database ${name}${options.template ? ` template ${options.template}` : ''}`);
  return { url: withDatabaseName(adminUrl, name), drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}

/** A scratch database for a benchmark run, named after the server's database, the run's kind and the time. */
export function createBenchDatabase(adminUrl: string, kind: string): Promise<ScratchDatabase> {
  const base = new URL(adminUrl).pathname.slice(1) || 'whatgrow';
  return createScratchDatabase(adminUrl, `${base}_${kind}_${Date.now().toString(36)}`);
}
