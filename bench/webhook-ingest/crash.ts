// Crash test: floods signed webhooks from this process at a `whatgrow serve` child process,
// kill -9s it mid-flood, restarts it, lets it process, and counts: every envelope that got a 200
// must end as exactly one stored message — 0 lost, 0 duplicated. DATABASE_URL selects PostgreSQL
// (a fresh database is created next to the one named); unset, embedded PGlite in a temp DATA_DIR.
// Readable lines on stderr; the last stdout line is the JSON result; exit code 1 on any loss.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { Pool } from 'undici';
import { createSimulator } from '../../simulator/index';
import { openDatabase } from '../../src/platform/db';
import { createBenchDatabase } from '../../src/platform/db/scratch-database';
import { freePort } from '../../src/test-support/free-port';

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FLOOD_MS = Number(process.env.CRASH_FLOOD_MS ?? 3_000);
const KILL_AFTER_MS = Number(process.env.CRASH_KILL_AFTER_MS ?? 2_000);

async function main() {
  const dataDir = mkdtempSync(resolve('tmp/crash-'));
  const port = await freePort();
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString('base64'), WHATSAPP_MODE: 'cloud', OUTBOUND_ALLOW_PRIVATE_URLS: 'true', LOG_LEVEL: 'error' };
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const scratch = await createBenchDatabase(process.env.DATABASE_URL, 'crash');
    dropDatabase = scratch.drop;
    env.DATABASE_URL = scratch.url;
  } else delete env.DATABASE_URL;
  const url = `http://127.0.0.1:${port}`;

  const start = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['bin/whatgrow.js', 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
      if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return child;
      await sleep(100);
    }
    throw new Error('serve did not start');
  };

  const sim = await createSimulator({ port: 0 });
  const number = { phoneNumberId: `1077${Date.now()}`.slice(0, 15), wabaId: `2077${Date.now()}`.slice(0, 15), displayPhoneNumber: '15550783881', accessToken: `EAAcrash-${randomBytes(8).toString('hex')}`, appSecret: randomBytes(16).toString('hex'), webhookUrl: `${url}/webhooks/whatsapp` };
  sim.engine.registerNumber(number);
  let child = await start();
  const signup = await fetch(`${url}/api/v1/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `crash-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Crash', workspaceName: 'Crash', ageConfirmed: true }) });
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const connect = await fetch(`${url}/api/v1/channels/whatsapp`, { method: 'POST', headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ ...number, webhookUrl: undefined, verifyToken: 'crash-verify-token', graphApiBaseUrl: sim.url }) });
  if (connect.status !== 201) throw new Error(`connect: ${connect.status} ${await connect.text()}`);
  await sim.close();

  // The flood: unique wamids; every 200 is remembered.
  const acked = new Set<string>();
  let attempted = 0;
  let failed = 0;
  const pool = new Pool(url, { connections: 32 });
  const deadline = Date.now() + FLOOD_MS;
  let n = 0;
  const flood = async () => {
    while (Date.now() < deadline) {
      const i = n++;
      const wamid = `wamid.crash.${i}`;
      const from = String(4915200000000 + (i % 300));
      const value = { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: number.phoneNumberId }, contacts: [{ profile: { name: `C ${i % 300}` }, wa_id: from }], messages: [{ from, id: wamid, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: `crash test ${i}` } }] };
      const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: number.wabaId, changes: [{ value, field: 'messages' }] }] }));
      attempted++;
      try {
        const res = await pool.request({ path: '/webhooks/whatsapp', method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', number.appSecret).update(body).digest('hex')}` }, body, headersTimeout: 2_000, bodyTimeout: 2_000 });
        await res.body.dump();
        if (res.statusCode === 200) acked.add(wamid);
        else failed++;
      } catch {
        failed++;
        await sleep(20);
      }
    }
  };
  const flooding = Promise.all(Array.from({ length: 32 }, flood));
  await sleep(KILL_AFTER_MS);
  child.kill('SIGKILL');
  const ackedAtKill = acked.size;
  log(`kill -9 after ${KILL_AFTER_MS} ms: ${ackedAtKill} envelopes acknowledged so far`);
  await flooding;
  await pool.close().catch(() => undefined);
  log(`flood over: ${attempted} sent, ${acked.size} acknowledged (200), ${failed} refused or cut off`);

  child = await start();
  log('restarted; waiting for the worker to process every stored envelope');
  const stopChild = async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  if (env.DATABASE_URL) {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: '' });
    for (let i = 0; i < 600; i++) {
      const pending = Number((await sql<{ n: string }>`select count(*) as n from webhook_envelopes where processed_at is null`.execute(database.db)).rows[0]!.n);
      if (pending === 0) break;
      await sleep(200);
    }
    await database.close();
    await stopChild();
  } else {
    await sleep(8_000);
    await stopChild();
  }
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: dataDir });
  const pending = Number((await sql<{ n: string }>`select count(*) as n from webhook_envelopes where processed_at is null`.execute(database.db)).rows[0]!.n);
  const rows = (await sql<{ wamid: string; n: string }>`select wamid, count(*) as n from messages group by wamid`.execute(database.db)).rows;
  const events = (await sql<{ n: string }>`select count(*) as n from events where type = 'message.created'`.execute(database.db)).rows[0]!.n;
  await database.close();
  await dropDatabase();
  const stored = new Map(rows.map((r) => [r.wamid, Number(r.n)]));
  const lost = [...acked].filter((w) => !stored.has(w)).length;
  const duplicated = rows.filter((r) => Number(r.n) > 1).length + Math.max(0, Number(events) - rows.length);
  const extra = rows.filter((r) => !acked.has(r.wamid)).length;
  log(`acknowledged ${acked.size}; stored messages ${rows.length} (${extra} stored whose 200 was cut off by the kill); lost ${lost}; duplicated ${duplicated}; still pending ${pending}`);
  process.stdout.write(`${JSON.stringify({ bench: 'webhook-crash', db: env.DATABASE_URL ? 'postgres' : 'pglite', attempted, acknowledged: acked.size, ackedBeforeKill: ackedAtKill, stored: rows.length, lost, duplicated, pending })}\n`);
  process.exit(lost === 0 && duplicated === 0 && pending === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exit(1);
});
