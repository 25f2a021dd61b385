#!/usr/bin/env node
// Collects every *.test.ts under the server-side folders and hands them to `node --test`.
// Node 20 neither globs nor discovers .ts tests by itself (it would run 0 tests and pass),
// so this script fails loudly when it finds none.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'simulator', 'bench', 'scripts'];
const filter = process.argv.slice(2);

function collect(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.test.ts')) out.push(relative(process.cwd(), full));
  }
  return out;
}

const files = roots.flatMap((root) => collect(root, [])).filter((f) => filter.length === 0 || filter.some((p) => f.includes(p))).sort();
if (files.length === 0) {
  console.error('run-tests: no test files found' + (filter.length ? ` matching ${filter.join(', ')}` : ''));
  process.exit(1);
}

const setup = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-database.ts'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const fingerprint = setup.stdout.trim().split('\n').pop();

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', TEST_TEMPLATE_FINGERPRINT: fingerprint } },
);
process.exit(result.status ?? 1);
