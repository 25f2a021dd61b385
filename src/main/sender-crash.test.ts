import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createSimulator, type RunningSimulator } from '../../simulator';
import { openDatabase } from '../platform/db';
import { createTestDatabase, type TestDatabase } from '../platform/db/test-database';
import { freePort } from '../test-support/free-port';
import { HttpClient } from '../test-support/http-client';

// A sender that dies mid-campaign: `whatgrow serve` is killed with SIGKILL while Meta holds the
// answers to its sends, so its rows are in flight and the number's lease is still the dead
// process's. A new process takes the number over only once that lease has expired, marks the
// orphans uncertain (never resent) and settles them by the status webhooks the simulator sends and
// retries: every eligible recipient gets exactly one message. (bench/campaign/crash.ts was this
// check at scale, printed rather than asserted.)

const RECIPIENTS = 44;
const optedOut = (i: number) => i % 11 === 3;
const ELIGIBLE = RECIPIENTS - Array.from({ length: RECIPIENTS }, (_, i) => i).filter(optedOut).length;
const phoneOf = (i: number) => `1628${String(i).padStart(7, '0')}`;

let sim: RunningSimulator;
let gate: GraphGate;
let database: TestDatabase;
let dataDir: string;
let env: NodeJS.ProcessEnv;
let url: string;
let child: ChildProcess | undefined;

/**
 * Meta as the product sees it: requests pass through to the simulator (which records and answers
 * them, and sends their status webhooks), but while `holding`, a send's answer is kept back, so
 * the product has it in flight. Every send is timed, to see whether a new owner sends again.
 */
interface GraphGate {
  url: string;
  holding: boolean;
  sends: number[];
  held: ServerResponse[];
  close(): Promise<void>;
}

async function startGraphGate(target: string): Promise<GraphGate> {
  const gate = { holding: true, sends: [] as number[], held: [] as ServerResponse[] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const isSend = req.method === 'POST' && /\/messages$/.test(req.url ?? '');
      if (isSend) gate.sends.push(Date.now());
      const headers = Object.fromEntries(['authorization', 'content-type'].flatMap((h) => (req.headers[h] ? [[h, String(req.headers[h])]] : [])));
      const upstream = await fetch(target + req.url, { method: req.method, headers, ...(req.method === 'GET' ? {} : { body: Buffer.concat(chunks) }) });
      const body = Buffer.from(await upstream.arrayBuffer());
      if (isSend && gate.holding) return void gate.held.push(res);
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(gate, {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

async function until<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function serve(): Promise<ChildProcess> {
  const started = spawn(process.execPath, [join(process.cwd(), 'bin/whatgrow.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  child = started;
  await until('serve ready', () => fetch(`${url}/readyz`).then((r) => r.status, () => 0), (status) => status === 200 || started.exitCode !== null, 120_000);
  assert.equal(started.exitCode, null, 'serve started');
  return started;
}

before(async () => {
  database = await createTestDatabase();
  // The PGlite copy belongs to this process until it closes it; `serve` gets the directory.
  await database.close();
  dataDir = database.dataDir ?? mkdtempSync(join(tmpdir(), 'whatgrow-crash-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  env = { ...process.env, MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'error', WHATSAPP_MODE: 'cloud', OUTBOUND_ALLOW_PRIVATE_URLS: 'true', PORT: String(port), PUBLIC_URL: url, DATA_DIR: dataDir };
  if (database.url) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  }
  // Webhooks a dead process missed are retried soon, as Meta retries them.
  sim = await createSimulator({
    seed: 3, templateReviewMs: 5, statusDelaysMs: { sent: 5, delivered: 10, read: 15, played: 20 },
    variation: { readRate: 0, skipDeliveredRate: 0, outOfOrderRate: 0, duplicateRate: 0 },
    webhooks: { lingerMs: 3, retryBaseMs: 100, retryMaxMs: 1_000, retryHorizonMs: 300_000 },
  });
  gate = await startGraphGate(sim.url);
});

after(async () => {
  child?.kill('SIGKILL');
  await gate?.close();
  await sim?.close();
  if (database?.url) await database.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The dead owner's lease and the queue's rows by state, read while no product process runs. */
async function inspect(): Promise<{ leases: { owner: string; expires_at: Date }[]; states: Record<string, number> }> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir, skipLock: true });
  try {
    const leases = await sql<{ owner: string; expires_at: Date }>`select owner, expires_at from send_leases`.execute(db.db);
    const states = await sql<{ state: string; n: number }>`select state, count(*)::int as n from outbound_queue group by state`.execute(db.db);
    return { leases: leases.rows, states: Object.fromEntries(states.rows.map((r) => [r.state, r.n])) };
  } finally {
    await db.close();
  }
}

test('a sender killed with sends in flight: the next owner waits for the lease, resends nothing, settles by status webhooks; every recipient gets exactly one message', { timeout: 300_000 }, async () => {
  const first = await serve();
  const api = new HttpClient(url);
  assert.equal((await api.post('/api/v1/auth/signup', { email: 'crash@example.com', password: 'correct horse battery', name: 'Crash', workspaceName: 'Crash', ageConfirmed: true })).status, 201);
  await api.loadCsrf();
  const number = { phoneNumberId: '106540352299001', wabaId: '102290129399001', displayPhoneNumber: '15550783881', accessToken: 'EAAJB-crash-token-abcdef', appSecret: 'crash-app-secret-0123456789' };
  sim.engine.registerNumber({ ...number, webhookUrl: `${url}/webhooks/whatsapp`, throughputMps: 80 });
  const connected = await api.post('/api/v1/channels/whatsapp', { ...number, verifyToken: 'crash-verify-token', graphApiBaseUrl: gate.url });
  assert.equal(connected.status, 201, connected.text);
  const channelId = (connected.body as { id: string }).id;
  const template = await api.post('/api/v1/templates', { name: 'crash_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, a new offer for you.', example: { body_text: [['Ann']] } }] });
  assert.equal(template.status, 201, template.text);

  const csv = ['phone,name,marketing_consent', ...Array.from({ length: RECIPIENTS }, (_, i) => `+${phoneOf(i)},Customer ${i},${optedOut(i) ? 'no' : 'yes'}`)].join('\n');
  const upload = await api.request('POST', '/api/v1/contacts/import', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
  assert.equal(upload.status, 202, upload.text);
  const importId = (upload.body as { importId: string }).importId;
  await until('import done', async () => ((await api.get(`/api/v1/contacts/imports/${importId}`)).body as { status: string }).status, (s) => s === 'completed', 60_000);

  const campaign = { name: 'Crash', channelId, template: { name: 'crash_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }] }] }, audience: { importId } };
  // The template is approved by the simulator within milliseconds; a sync brings it in.
  const created = await until('campaign created', async () => {
    await api.post('/api/v1/templates/sync', {});
    return api.post('/api/v1/campaigns', campaign);
  }, (r) => r.status === 201, 30_000);
  const campaignId = (created.body as { id: string }).id;
  assert.equal((await api.post(`/api/v1/campaigns/${campaignId}/start`)).status, 200);

  // Meta holds every answer: once it holds one per recipient, every row was sent and none is
  // claimed but unsent, so the crash leaves only rows whose fate the product cannot know.
  await until('requests in flight', async () => gate.held.length, (n) => n >= ELIGIBLE, 60_000);
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  const killedAt = Date.now();
  gate.holding = false;
  assert.equal(gate.held.length, ELIGIBLE, 'one request per eligible recipient');

  const dead = await inspect();
  assert.equal(dead.leases.length, 1);
  const leaseEnds = new Date(dead.leases[0]!.expires_at).getTime();
  assert.ok(leaseEnds > killedAt, 'the dead process still holds the lease');
  assert.deepEqual(dead.states, { inflight: ELIGIBLE }, 'its rows are left in flight');

  const restartedAt = Date.now();
  await serve();
  // Settling the orphans takes the lease: the campaign cannot complete before the dead one's expires.
  const done = await until('campaign completed', async () => ({ at: Date.now(), view: (await api.get(`/api/v1/campaigns/${campaignId}`)).body as { status: string; funnel: { sent: number; delivered: number; failed: number; skipped: number; total: number } } }),
    ({ view }) => view.status === 'completed' && view.funnel.delivered === ELIGIBLE, 120_000);
  assert.ok(done.at >= leaseEnds, `completed ${leaseEnds - done.at} ms before the dead owner's lease expired`);

  assert.deepEqual(gate.sends.filter((at) => at >= restartedAt), [], 'nothing in flight at the crash is sent again');
  const counts = sim.engine.listSent(number.phoneNumberId).countsByRecipient;
  for (let i = 0; i < RECIPIENTS; i++) assert.equal(counts[phoneOf(i)] ?? 0, optedOut(i) ? 0 : 1, `recipient ${i}`);
  // The product never got an answer to any send: only the status webhooks can have settled them as delivered.
  const { funnel } = done.view;
  assert.deepEqual({ total: funnel.total, skipped: funnel.skipped, sent: funnel.sent, delivered: funnel.delivered, failed: funnel.failed }, { total: RECIPIENTS, skipped: RECIPIENTS - ELIGIBLE, sent: ELIGIBLE, delivered: ELIGIBLE, failed: 0 });
});
