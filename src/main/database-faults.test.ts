import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { startCampaignRunner } from '../modules/campaigns';
import { startTestApp, type TestApp } from '../test-support/test-app';
import type { HttpClient } from '../test-support/http-client';
import { startSenderHarness } from '../test-support/sender-harness';
import { freePort } from '../test-support/free-port';
import { testDatabaseUrl } from '../platform/db/test-database';

// Fault injection on PostgreSQL: every backend of this file's database (but the test's own admin
// connection) is terminated with pg_terminate_backend, again and again — idle, during a flood of
// signed webhooks through the real HTTP route, and during a campaign sent through the simulator.
// The process must stay up and keep answering, lose no acknowledged webhook, send every recipient
// exactly one message, leave no send uncertain because of the fault and complete the campaign.

const skip = testDatabaseUrl() ? false : 'pg_terminate_backend needs a PostgreSQL server (PGlite has no backends to end); run with TEST_DATABASE_URL';

let t: TestApp;
let api: HttpClient;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
let admin: pg.Client;
let serve: ChildProcess | undefined;
// An error event nobody handles ends a real process; under node:test it only lands here.
const escaped: unknown[] = [];
process.on('uncaughtException', (error) => void escaped.push(error));

before(async () => {
  if (skip) return;
  t = await startTestApp();
  api = (await t.signUp()).client;
  h = await startSenderHarness(t, api, { label: 'faults', throughputMps: 80 });
  admin = new pg.Client({ connectionString: t.database.url });
  admin.on('error', () => undefined);
  await admin.connect();
});
after(async () => {
  serve?.kill('SIGTERM');
  await h?.close();
  await admin?.end();
  await t?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ends every other session of this database; returns how many. */
async function terminateAll(): Promise<number> {
  const { rows } = await admin.query(`select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
  return Number(rows[0].n);
}

/** Terminates every `everyMs` until stopped; resolves to the number of sessions ended. */
function keepTerminating(everyMs: number) {
  let stopped = false;
  let killed = 0;
  const done = (async () => {
    while (!stopped) {
      killed += await terminateAll();
      await sleep(everyMs);
    }
    return killed;
  })();
  return { stop: async () => ((stopped = true), done) };
}

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get().catch(() => undefined);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: never happened (last: ${JSON.stringify(v)})`);
    await sleep(50);
  }
}

test('idle connections terminated again and again: `whatgrow serve` stays up and answers', { skip }, async () => {
  // The real product in its own process (API and worker loops), on this file's database.
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: t.database.url, MASTER_KEY: t.container.config.masterKey, PORT: String(port), WHATSAPP_MODE: 'cloud', LOG_LEVEL: 'silent', DATA_DIR: resolve('tmp/faults-serve') };
  const child = spawn(process.execPath, [resolve('bin/whatgrow.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  serve = child;
  let exited: number | null | undefined;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.once('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const ready = () => fetch(`${url}/readyz`).then((r) => r.status, () => 0);
  await until('serve ready', ready, (status) => status === 200, 60_000).catch((error: Error) => {
    throw new Error(`${error.message}; exit ${exited}; stderr: ${stderr}`);
  });
  for (let round = 0; round < 6; round++) {
    assert.ok((await terminateAll()) > 0, 'the product held connections to end');
    // Idle: the pool hears of each ended session, drops it and opens fresh ones on demand.
    await sleep(300);
    assert.equal(exited, undefined, `the process ended after round ${round}: ${stderr}`);
    assert.equal(await ready(), 200, `round ${round}`);
  }
  assert.equal((await fetch(`${url}/api/v1/me`)).status, 401, 'the API answers too');
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  serve = undefined;
});

test('a webhook flood while connections are terminated: every acknowledged envelope is stored and processed', { skip }, async () => {
  const { number } = h;
  const at = Math.floor(Date.now() / 1000);
  const wamids = Array.from({ length: 240 }, (_, i) => `wamid.FAULT${String(i).padStart(5, '0')}`);
  const envelope = (wamid: string, i: number) => {
    const from = `1415777${String(i % 12).padStart(4, '0')}`;
    return Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: number.wabaId, changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
      contacts: [{ profile: { name: `Flood ${i % 12}` }, wa_id: from }],
      messages: [{ from, id: wamid, timestamp: String(at), type: 'text', text: { body: `flood message ${i}` } }],
    } }] }] }));
  };
  const answers: Record<string, number> = {};
  // As Meta does: a delivery not answered 200 is delivered again.
  const deliver = async (wamid: string, i: number) => {
    const raw = envelope(wamid, i);
    const signature = `sha256=${createHmac('sha256', number.appSecret).update(raw).digest('hex')}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      const status = await fetch(`${t.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw })
        .then((r) => r.status, () => 0);
      answers[status] = (answers[status] ?? 0) + 1;
      if (status === 200) return;
      await sleep(50);
    }
    throw new Error(`${wamid} was never accepted`);
  };
  const terminator = keepTerminating(80);
  let next = 0;
  await Promise.all(Array.from({ length: 12 }, async () => {
    while (next < wamids.length) {
      const i = next++;
      await deliver(wamids[i]!, i);
    }
  }));
  const killed = await terminator.stop();
  assert.ok(killed > 0, 'sessions were terminated during the flood');
  assert.deepEqual(escaped, [], 'no connection error escaped (it would have ended the process)');
  assert.equal(answers[0] ?? 0, 0, 'the server never dropped a connection: it stayed up');
  assert.equal(Object.keys(answers).filter((s) => Number(s) >= 500 && s !== '503').length, 0, `answers: ${JSON.stringify(answers)}`);
  const stored = await until('every envelope processed', async () => {
    const { rows } = await sql<{ stored: number; waiting: number }>`
      select (select count(*) from messages where direction = 'inbound' and wamid = any(${wamids}::text[])) as stored,
             (select count(*) from webhook_envelopes where processed_at is null) as waiting`.execute(t.database.db);
    return { stored: Number(rows[0]!.stored), waiting: Number(rows[0]!.waiting) };
  }, (v) => v.stored === wamids.length && v.waiting === 0);
  assert.deepEqual(stored, { stored: wamids.length, waiting: 0 });
});

test('a campaign while connections are terminated: one message per recipient, none uncertain, completed with the right counts', { skip }, async () => {
  const body = { type: 'BODY', text: 'Notice {{1}}.', example: { body_text: [['1']] } };
  await h.graph.createTemplate({ name: 'fault_notice', language: 'en_US', category: 'UTILITY', components: [body] } as never);
  await sleep(50);
  assert.equal((await api.post('/api/v1/templates/sync', {})).status, 200);
  const phones = Array.from({ length: 200 }, (_, i) => `1415666${String(i).padStart(4, '0')}`);
  for (let i = 0; i < phones.length; i += 10) {
    await Promise.all(phones.slice(i, i + 10).map(async (p) => assert.equal((await api.post('/api/v1/contacts', { phone: `+${p}`, name: `R ${p.slice(-3)}`, tags: ['faults'] })).status, 201)));
  }
  const created = await api.post('/api/v1/campaigns', { name: 'Under fire', template: { name: 'fault_notice', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '9' }] }] }, audience: { tags: ['faults'] } });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as { id: string }).id;
  const runner = startCampaignRunner(t.container.campaigns, { pollMs: 20, onQueued: h.sender.wake });
  try {
    assert.equal((await api.post(`/api/v1/campaigns/${id}/start`)).status, 200);
    const terminator = keepTerminating(150);
    type View = { status: string; funnel: { total: number; sent: number; failed: number; queued: number; skipped: number } };
    const view = async () => {
      const r = await api.get(`/api/v1/campaigns/${id}`);
      if (r.status !== 200) throw new Error(String(r.status));
      return r.body as View;
    };
    await until('campaign completed', view, (v) => v.status === 'completed', 120_000);
    assert.ok((await terminator.stop()) > 0, 'sessions were terminated during the campaign');
    assert.deepEqual(escaped, [], 'no connection error escaped (it would have ended the process)');
    await h.settle();
    const counts = h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient;
    assert.deepEqual(phones.filter((p) => counts[p] !== 1).map((p) => `${p}: ${counts[p] ?? 0}`), [], 'every recipient got exactly one message');
    const { rows } = await sql<{ status: string; code: string | null; n: number }>`
      select m.status, m.error->>'code' as code, count(*) as n from campaign_recipients r join messages m on m.workspace_id = r.workspace_id and m.id = r.message_id
      where r.campaign_id = ${id} group by 1, 2`.execute(t.database.db);
    const unsettled = rows.filter((r) => ['queued', 'uncertain', 'failed'].includes(r.status));
    assert.deepEqual(unsettled, [], 'no send left queued, uncertain or failed by the fault');
    const v = await until('funnel settled', view, (x) => x.funnel.sent === phones.length);
    assert.deepEqual({ total: v.funnel.total, failed: v.funnel.failed, queued: v.funnel.queued, skipped: v.funnel.skipped }, { total: phones.length, failed: 0, queued: 0, skipped: 0 });
    const left = await sql<{ n: number }>`select count(*) as n from outbound_queue where campaign_id = ${id}`.execute(t.database.db);
    assert.equal(Number(left.rows[0]!.n), 0);
  } finally {
    await runner.stop();
  }
});
