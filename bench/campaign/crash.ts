// Crash run at scale: a campaign runs in a `whatgrow serve` child process that is killed with
// SIGKILL a third of the way through, wherever its sender is, and restarted on the same database; the simulator
// (in this process) keeps its counts and retries the webhooks the dead process missed. Prints, by
// the simulator's count per recipient, how many eligible recipients got exactly one message, none,
// or more (duplicates), and sends to opted-out contacts. The lease, orphan and uncertain paths are
// asserted by src/main/sender-crash.test.ts at a kill point it controls; this run adds scale and an
// uncontrolled kill point, where rows claimed but not yet sent show up as `missing` (uncertain,
// never resent). DATABASE_URL selects PostgreSQL (else PGlite under tmp/).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { freePort } from '../../src/test-support/free-port';
import { freshDatabaseUrl, signUp, startBenchSimulator } from './setup';

const RECIPIENTS = Number(process.env.CRASH_RECIPIENTS ?? 1500);
const MPS = Number(process.env.CRASH_MPS ?? 80);
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function serve(env: Record<string, string>, url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['bin/whatgrow.js', 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return child;
    await sleep(100);
  }
  throw new Error('the product did not start');
}

async function main() {
  const db = await freshDatabaseUrl();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = { MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'error', WHATSAPP_MODE: 'cloud', OUTBOUND_ALLOW_PRIVATE_URLS: 'true', PORT: String(port), PUBLIC_URL: url, DATA_DIR: mkdtempSync('tmp/bench-crash-'), ...(db.url ? { DATABASE_URL: db.url } : {}) };
  const { sim, number } = await startBenchSimulator(url, MPS);
  let child = await serve(env, url);
  try {
    const { call } = await signUp(url);
    const connect = await call('POST', '/api/v1/channels/whatsapp', { ...number, webhookUrl: undefined, throughputMps: undefined, verifyToken: 'crash-verify-token', graphApiBaseUrl: sim.url });
    if (connect.status !== 201) throw new Error(`connect: ${connect.status} ${JSON.stringify(connect.body)}`);
    const channelId = (connect.body as { id: string }).id;
    await call('PATCH', `/api/v1/channels/${channelId}`, { throughputMps: MPS });
    const t = await call('POST', '/api/v1/templates', { name: 'crash_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, a new offer for you.', example: { body_text: [['Ann']] } }] });
    if (t.status !== 201) throw new Error(`template: ${t.status} ${JSON.stringify(t.body)}`);
    await sleep(300);
    await call('POST', '/api/v1/templates/sync', {});
    log(`creating ${RECIPIENTS} contacts…`);
    const optedOut = new Set<string>();
    for (let i = 0; i < RECIPIENTS; i++) {
      const phone = `1628${String(i).padStart(7, '0')}`;
      const c = await call('POST', '/api/v1/contacts', { phone: `+${phone}`, name: `Customer ${i}`, tags: ['crash'] });
      const out = i % 20 === 7;
      if (out) optedOut.add(phone);
      await call('POST', `/api/v1/contacts/${(c.body as { id: string }).id}/consent`, { purpose: 'marketing', granted: !out, source: 'api' });
    }
    const created = await call('POST', '/api/v1/campaigns', { name: 'Crash', channelId, template: { name: 'crash_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }] }] }, audience: { tags: ['crash'] } });
    if (created.status !== 201) throw new Error(`campaign: ${created.status} ${JSON.stringify(created.body)}`);
    const id = (created.body as { id: string }).id;
    await call('POST', `/api/v1/campaigns/${id}/start`);
    const eligible = RECIPIENTS - optedOut.size;
    const sentCount = () => sim.engine.sentTotals(number.phoneNumberId).recipients;
    while (sentCount() < eligible / 3) await sleep(50);
    log(`killing the product (SIGKILL) at ${sentCount()}/${eligible} sent`);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await sleep(2_000);
    child = await serve(env, url);
    log('restarted; waiting for the campaign to complete');
    const deadline = Date.now() + (eligible / MPS) * 4_000 + 60_000;
    for (;;) {
      const v = (await call('GET', `/api/v1/campaigns/${id}`)).body as { status: string; funnel: Record<string, number> };
      if ((v.status === 'completed' && sentCount() >= eligible) || Date.now() > deadline) break;
      await sleep(500);
    }
    await sleep(3_000);
    const counts = sim.engine.listSent(number.phoneNumberId).countsByRecipient;
    let exactlyOnce = 0;
    let missing = 0;
    let duplicates = 0;
    for (let i = 0; i < RECIPIENTS; i++) {
      const phone = `1628${String(i).padStart(7, '0')}`;
      if (optedOut.has(phone)) continue;
      const n = counts[phone] ?? 0;
      if (n === 1) exactlyOnce += 1;
      else if (n === 0) missing += 1;
      else duplicates += n - 1;
    }
    const optedOutSent = [...optedOut].reduce((a, p) => a + (counts[p] ?? 0), 0);
    const funnel = ((await call('GET', `/api/v1/campaigns/${id}`)).body as { funnel: unknown }).funnel;
    log(`eligible ${eligible}: exactly once ${exactlyOnce}, missing ${missing}, duplicates ${duplicates}; opted-out sent ${optedOutSent}; funnel ${JSON.stringify(funnel)}`);
    process.stdout.write(`${JSON.stringify({ bench: 'campaign-crash', db: db.url ? 'postgres' : 'pglite', recipients: RECIPIENTS, eligible, exactlyOnce, missing, duplicates, optedOutSent })}\n`);
  } finally {
    child.kill('SIGKILL');
    await sim.close();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exit(1);
});
