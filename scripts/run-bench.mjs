#!/usr/bin/env node
// `npm run bench -- <name>` runs bench/<name>/index.ts (or bench/<name>.ts).
import { existsSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [name, ...rest] = process.argv.slice(2);
if (!name) {
  console.error('usage: npm run bench -- <name>');
  process.exit(2);
}
const candidates = [`bench/${name}/index.ts`, `bench/${name}.ts`];
const entry = candidates.find((c) => existsSync(c));
if (!entry) {
  console.error(`bench: no benchmark named "${name}" (looked for ${candidates.join(', ')})`);
  process.exit(2);
}
// Benchmarks keep their scratch data directories under tmp/ (ignored by git), which a fresh clone lacks.
mkdirSync('tmp', { recursive: true });
const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', entry, ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
