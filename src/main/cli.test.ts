import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../platform/db/test-database';
import { freePort } from '../test-support/free-port';
import { HttpClient } from '../test-support/http-client';

// The `whatgrow` command as an operator runs it: real processes, real ports, the same database
// engine as the rest of the suite (a copy of the template on PGlite or on the server).

const bin = join(process.cwd(), 'bin/whatgrow.js');
let database: TestDatabase;
let env: NodeJS.ProcessEnv;
let dataDir: string;
const children: ChildProcess[] = [];

before(async () => {
  database = await createTestDatabase();
  // The PGlite copy belongs to this test's process until it closes it; the CLI gets the directory.
  await database.close();
  dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), 'whatgrow-cli-'));
  env = { ...process.env, LOG_LEVEL: 'warn', DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString('base64'), WHATSAPP_MODE: 'cloud' };
  if (database.url) {
    // The server copy was dropped by close(); make a fresh one for the CLI.
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
});
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  if (database.url) await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const whatgrow = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { env: { ...env, ...extraEnv }, encoding: 'utf8', timeout: 180_000 });

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('serve did not become healthy in 120 s');
}

async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('workspace create --json prints exactly {"workspaceId", "apiKey"}; the key authenticates; revoked it gets 401', async () => {
  const created = whatgrow(['workspace', 'create', '--name', 'Acme', '--owner-email', 'owner@acme.test', '--owner-password', 'a strong password', '--json']);
  assert.equal(created.status, 0, created.stderr);
  const lines = created.stdout.trim().split('\n');
  assert.equal(lines.length, 1, 'stdout carries only the result');
  const result = JSON.parse(lines[0]!) as Record<string, string>;
  assert.deepEqual(Object.keys(result), ['workspaceId', 'apiKey']);

  const port = await freePort();
  const serve = spawn(process.execPath, [bin, 'serve'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(serve);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, serve);

  if (!env.DATABASE_URL) {
    const locked = whatgrow(['migrate']);
    assert.equal(locked.status, 1);
    assert.match(locked.stderr, /in use by process \d+/);
    assert.doesNotMatch(locked.stderr, /\n\s+at /, 'no stack trace');
  }

  const client = new HttpClient(url, { bearer: result.apiKey! });
  const me = await client.get('/api/v1/me');
  assert.equal(me.status, 200);
  assert.equal((me.body as { currentWorkspaceId: string; role: string }).currentWorkspaceId, result.workspaceId);
  assert.equal((me.body as { role: string }).role, 'owner');
  const keys = (await client.get('/api/v1/api-keys')).body as { data: { id: string }[] };
  assert.equal((await client.delete(`/api/v1/api-keys/${keys.data[0]!.id}`)).status, 204);
  assert.equal((await client.get('/api/v1/me')).status, 401);

  const page = await fetch(`${url}/signup`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<div id="root">/);
  serve.kill('SIGTERM');
  await new Promise((r) => serve.once('exit', r));
});

test('a sandbox workspace made by the CLI under one port sends when the product is served on another', async () => {
  const madeOn = await freePort();
  const created = whatgrow(['workspace', 'create', '--name', 'Sandbox shop', '--owner-email', 'sandbox@acme.test', '--owner-password', 'a strong password', '--json'], { WHATSAPP_MODE: 'sandbox', PORT: String(madeOn) });
  assert.equal(created.status, 0, created.stderr);
  const { apiKey } = JSON.parse(created.stdout) as { apiKey: string };

  const port = await freePort();
  assert.notEqual(port, madeOn);
  const serve = spawn(process.execPath, [bin, 'serve'], { env: { ...env, WHATSAPP_MODE: 'sandbox', PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(serve);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, serve);
  try {
    const client = new HttpClient(url, { bearer: apiKey });
    const [channel] = ((await client.get('/api/v1/channels')).body as { data: { id: string; phoneNumberId: string; graphApiBaseUrl: string }[] }).data;
    assert.equal(channel!.graphApiBaseUrl, `${url}/sandbox/graph`, 'the running process\'s simulator, not the one of the port it was made on');

    // A simulated customer writes first (the 24-hour window opens), then the business answers.
    const phone = new URL(((await client.get(`/api/v1/channels/${channel!.id}/sandbox-phone`)).body as { url: string }).url);
    const headers = { 'x-sim-phone-key': phone.searchParams.get('key')!, 'content-type': 'application/json' };
    const view = (await (await fetch(`${url}/sandbox/graph/_sim/phone/${channel!.phoneNumberId}`, { headers })).json()) as { customers: { waId: string }[] };
    const customer = view.customers[0]!.waId;
    const inbound = await fetch(`${url}/sandbox/graph/_sim/inbound`, { method: 'POST', headers, body: JSON.stringify({ phoneNumberId: channel!.phoneNumberId, from: customer, type: 'text', text: { body: 'Hello?' } }) });
    assert.equal(inbound.status, 200, await inbound.text());
    await until(async () => ((await client.get('/api/v1/conversations')).body as { data: unknown[] }).data.length === 1);

    const sent = await client.post('/api/v1/messages', { to: `+${customer}`, type: 'text', text: { body: 'Hi! How can we help?' } });
    assert.equal(sent.status, 202, sent.text);
    const id = (sent.body as { id: string }).id;
    let message: { status: string; error?: { code: string } } = { status: 'queued' };
    await until(async () => {
      message = (await client.get(`/api/v1/messages/${id}`)).body as typeof message;
      return !['queued', 'uncertain'].includes(message.status);
    });
    assert.ok(['accepted', 'sent', 'delivered', 'read'].includes(message.status), JSON.stringify(message));
  } finally {
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('exit', r));
  }
});

test('a bad environment stops with a message naming the variable, exit code 1 and no stack trace', () => {
  for (const [variable, value] of [['PORT', 'eighty'], ['MASTER_KEY', 'short'], ['WHATSAPP_MODE', 'live']] as const) {
    const run = whatgrow(['migrate'], { [variable]: value });
    assert.equal(run.status, 1);
    assert.match(run.stderr, new RegExp(`${variable}: `));
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.equal(run.stdout, '');
  }
});

test('a wrong master key stops start-up with a clear error', () => {
  const run = whatgrow(['workspace', 'create', '--name', 'X', '--owner-email', 'x@acme.test', '--owner-password', 'another strong one', '--json'], { MASTER_KEY: randomBytes(32).toString('base64') });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /MASTER_KEY/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});

test('analytics rebuild rebuilds every workspace, or the one named, and refuses a missing one', () => {
  const all = whatgrow(['analytics', 'rebuild']);
  assert.equal(all.status, 0, all.stderr);
  assert.match(all.stdout, /^rebuilt \d+ workspaces$/m);
  const missing = whatgrow(['analytics', 'rebuild', '--workspace', 'no-such-workspace']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /^whatgrow: no workspace no-such-workspace$/m);
});

test('whatgrow simulator --port 0 prints {"url"} as its first stdout line and serves the Graph API there', async () => {
  const child = spawn(process.execPath, [bin, 'simulator', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const firstLine = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (buffered.includes('\n')) resolve(buffered.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const { url } = JSON.parse(firstLine) as { url: string };
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const health = await fetch(`${url}/_sim/health`);
  assert.equal(health.status, 200);
  child.kill('SIGTERM');
});
