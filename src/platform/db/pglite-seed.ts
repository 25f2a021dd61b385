import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, migrationsFingerprint } from './migrate';
import { openDatabase } from './open-database';

// A fresh PGlite cluster costs seconds of initdb in WebAssembly. `npm install` builds a migrated
// cluster once (a seed named by its migrations), and a first start loads it instead, so the
// quick start serves its first page in a few seconds. Without a matching seed, initdb runs.

const seedDir = fileURLToPath(new URL('../../../node_modules/.cache/whatgrow', import.meta.url));
const seedPath = () => join(seedDir, `pglite-seed-${migrationsFingerprint()}.tgz`);

export function loadPgliteSeed(): Blob | undefined {
  const path = seedPath();
  return existsSync(path) ? new Blob([readFileSync(path)]) : undefined;
}

export async function buildPgliteSeed(): Promise<string> {
  const path = seedPath();
  if (existsSync(path)) return path;
  const work = mkdtempSync(join(tmpdir(), 'whatgrow-seed-'));
  try {
    const database = await openDatabase({ dataDir: work, skipLock: true, seed: false });
    await migrate(database);
    await database.close();
    const pglite = new PGlite(join(work, 'pgdata'));
    await pglite.waitReady;
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    return path;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
