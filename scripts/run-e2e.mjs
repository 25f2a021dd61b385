#!/usr/bin/env node
// End-to-end tests: builds the dashboard, starts the real product (`whatgrow serve`, sandbox mode,
// embedded PGlite in a temporary DATA_DIR, a free port), runs every e2e/**/*.e2e.ts against it in
// Debian's Chromium, then stops the server. Like run-tests.mjs it fails when it finds no test file.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const SERVER_START_TIMEOUT_MS = 120_000;
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const filter = process.argv.slice(2);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.e2e.ts')) out.push(relative(process.cwd(), full));
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, server) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before answering /healthz`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer ${baseUrl}/healthz within ${SERVER_START_TIMEOUT_MS / 1000} s`);
}

function stop(server) {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

const files = collect('e2e', []).filter((f) => filter.length === 0 || filter.some((p) => f.includes(p))).sort();
if (files.length === 0) {
  console.error('run-e2e: no e2e test files found' + (filter.length ? ` matching ${filter.join(', ')}` : ''));
  process.exit(1);
}
if (!existsSync(chromiumPath)) {
  console.error(`run-e2e: no Chromium at ${chromiumPath}. Install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH; never \`npx playwright install\`.`);
  process.exit(1);
}

// The server serves web/dist as it is: build it, so the tests never run against a stale dashboard.
const build = spawnSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const resultsDir = 'test-results';
mkdirSync(join(resultsDir, 'screenshots'), { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'wgp-e2e-'));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const serverLog = join(resultsDir, 'e2e-server.log');
const log = createWriteStream(serverLog);

// Embedded PGlite in a fresh directory, whatever the caller's environment points at. Outgoing
// webhooks may target loopback: the suites receive them on a local HTTP server.
const serverEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: baseUrl, WHATSAPP_MODE: 'sandbox', WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' };
delete serverEnv.DATABASE_URL;
delete serverEnv.MASTER_KEY;
const server = spawn(process.execPath, ['bin/whatgrow.js', 'serve'], {
  env: serverEnv,
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.pipe(log);
server.stderr.pipe(log);

let status = 1;
try {
  await waitForHealth(baseUrl, server);
  console.error(`run-e2e: server up at ${baseUrl} (log: ${serverLog}); running ${files.length} file(s)`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    stdio: 'inherit',
    env: { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromiumPath, E2E_RESULTS_DIR: resultsDir },
  });
  status = result.status ?? 1;
} catch (error) {
  console.error(`run-e2e: ${error.message}; see ${serverLog}`);
} finally {
  await stop(server);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
