// Benchmark of Meta webhook ingestion: signed envelopes over loopback against
//   1. a store-and-ack ceiling — a minimal Fastify route inserting the raw body into the same database,
//   2. the product's POST /webhooks/whatsapp (verify, encrypt, group commit, 200),
//   3. the product at a fixed 1,000 envelopes/s (acknowledgement latency),
// then the processing throughput of the stored envelopes (messages normalized and applied per second)
// and the analytics rollups' cost against it (rollupRatio).
// DATABASE_URL selects the database (unset: a fresh PGlite under tmp/). Readable lines on stderr,
// the JSON result as the last stdout line.
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createSimulator } from '../../simulator/index';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logging';
import { buildApi } from '../../src/main/api';
import { buildContainer } from '../../src/main/container';
import { startEnvelopeProcessor } from '../../src/modules/channels';
import { rollUpEvents } from '../../src/modules/analytics';
import { createBenchDatabase } from '../../src/platform/db/scratch-database';
import { freePort } from '../../src/test-support/free-port';
import type { LoadJob } from './load-worker';
import { perThousand, startPhaseCpu } from './phase-cpu';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Result { ok: number; errors: number; elapsedMs: number; p50Ms: number; p99Ms: number }

function startTsWorker(file: URL): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(file.href)}); });`, { eval: true });
}

async function load(worker: Worker, job: Omit<LoadJob, 'kind'>): Promise<Result> {
  return new Promise((resolve) => {
    worker.once('message', (m: Result) => resolve(m));
    worker.postMessage({ kind: 'run', ...job });
  });
}


async function main() {
  const port = await freePort();
  const env: Record<string, string> = { MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent', WHATSAPP_MODE: 'cloud', OUTBOUND_ALLOW_PRIVATE_URLS: 'true', PORT: String(port), DATA_DIR: mkdtempSync('tmp/bench-ingest-') };
  // On PostgreSQL each run gets a fresh database next to the one named (dropped at the end).
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const scratch = await createBenchDatabase(process.env.DATABASE_URL, 'bench');
    dropDatabase = scratch.drop;
    env.DATABASE_URL = scratch.url;
  }
  const config = loadConfig(env);
  const container = await buildContainer(config, createLogger({ level: 'silent' }));
  const db = container.database.db;
  const dbKind = container.database.kind;
  const app = await buildApi(container);
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const sim = await createSimulator({ port: 0 });
  const number = { phoneNumberId: `1065${Date.now()}`.slice(0, 15), wabaId: `2022${Date.now()}`.slice(0, 15), displayPhoneNumber: '15550783881', accessToken: `EAAbench-${randomBytes(8).toString('hex')}`, appSecret: randomBytes(16).toString('hex'), webhookUrl: `${url}/webhooks/whatsapp` };
  sim.engine.registerNumber(number);
  const signup = await fetch(`${url}/api/v1/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Bench', workspaceName: 'Bench', ageConfirmed: true }) });
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${url}/api/v1/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const connect = await fetch(`${url}/api/v1/channels/whatsapp`, { method: 'POST', headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ ...number, webhookUrl: undefined, verifyToken: 'bench-verify-token', graphApiBaseUrl: sim.url }) });
  if (connect.status !== 201) throw new Error(`connect: ${connect.status} ${await connect.text()}`);

  // The ceiling: one INSERT of the raw body per request, same database, same pool.
  await sql`create table if not exists bench_ceiling (id bigint generated always as identity primary key, body bytea not null)`.execute(db);
  const ceilingApp = Fastify({ logger: false });
  ceilingApp.removeAllContentTypeParsers();
  ceilingApp.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 4 * 1024 * 1024 }, (_r, body, done) => done(null, body));
  ceilingApp.post('/ceiling', async (request) => {
    await sql`insert into bench_ceiling (body) values (${request.body as Buffer})`.execute(db);
    return 'ok';
  });
  const ceilingPort = await freePort();
  await ceilingApp.listen({ port: ceilingPort, host: '127.0.0.1' });

  const worker = startTsWorker(new URL('./load-worker.ts', import.meta.url));
  const base = { appSecret: number.appSecret, phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, durationMs: DURATION_MS, concurrency: CONCURRENCY, customers: 500 };
  log(`webhook-ingest on ${dbKind}: ${DURATION_MS} ms per phase, ${CONCURRENCY} connections`);
  await load(worker, { ...base, url: `http://127.0.0.1:${ceilingPort}`, path: '/ceiling', durationMs: 1000, prefix: 'warm-c' });
  const ceiling = await load(worker, { ...base, url: `http://127.0.0.1:${ceilingPort}`, path: '/ceiling', prefix: 'ceiling' });
  const ceilingEnvPerSec = (ceiling.ok / ceiling.elapsedMs) * 1000;
  log(`ceiling (store-and-ack): ${ceilingEnvPerSec.toFixed(0)} env/s, p50 ${ceiling.p50Ms.toFixed(2)} ms, p99 ${ceiling.p99Ms.toFixed(2)} ms, errors ${ceiling.errors}`);
  const ackCpu = await startPhaseCpu(env.DATABASE_URL);
  const ours = await load(worker, { ...base, url, path: '/webhooks/whatsapp', prefix: 'max' });
  const ackPerK = perThousand(await ackCpu(), ours.ok);
  const envPerSec = (ours.ok / ours.elapsedMs) * 1000;
  log(`product at full load: ${envPerSec.toFixed(0)} env/s (${((envPerSec / ceilingEnvPerSec) * 100).toFixed(0)}% of ceiling), p50 ${ours.p50Ms.toFixed(2)} ms, p99 ${ours.p99Ms.toFixed(2)} ms, errors ${ours.errors}`);
  log(`  CPU per 1,000 envelopes acknowledged: ${ackPerK.text}; load average ${loadavg()[0]!.toFixed(1)}`);
  const paced = await load(worker, { ...base, url, path: '/webhooks/whatsapp', prefix: 'paced', ratePerSec: 1000 });
  log(`product at 1,000 env/s: ${((paced.ok / paced.elapsedMs) * 1000).toFixed(0)} env/s acknowledged, p50 ${paced.p50Ms.toFixed(2)} ms, p99 ${paced.p99Ms.toFixed(2)} ms, errors ${paced.errors}`);
  worker.postMessage({ kind: 'stop' });

  const pending = Number((await sql<{ n: string }>`select count(*) as n from webhook_envelopes where processed_at is null`.execute(db)).rows[0]!.n);
  const processor = startEnvelopeProcessor({ channels: container.channels, clock: container.clock, logger: container.logger, sink: container.envelopeSink, autoStart: false, batchSize: Number(process.env.BENCH_BATCH ?? 1000) });
  const processCpu = await startPhaseCpu(env.DATABASE_URL);
  const t0 = performance.now();
  await processor.drain();
  const processingMs = performance.now() - t0;
  const processCpuUsed = await processCpu();
  const messages = Number((await sql<{ n: string }>`select count(*) as n from messages`.execute(db)).rows[0]!.n);
  const processingMsgsPerSec = (messages / processingMs) * 1000;
  log(`processing: ${pending} envelopes → ${messages} messages in ${(processingMs / 1000).toFixed(1)} s = ${processingMsgsPerSec.toFixed(0)} messages/s`);
  const processPerK = perThousand(processCpuUsed, messages);
  log(`  CPU per 1,000 messages processed: ${processPerK.text}; load average ${loadavg()[0]!.toFixed(1)}`);
  // The analytics rollups of those messages, run after the processing: on 2 cores their CPU comes out
  // of processing's, so processing with rollups on runs at about processingMs / (processingMs + rollupMs).
  const r0 = performance.now();
  let rolledUp = 0;
  for (let n = await rollUpEvents(container.analytics, 2000); n > 0; n = await rollUpEvents(container.analytics, 2000)) rolledUp += n;
  const rollupMs = performance.now() - r0;
  const rollupRatio = processingMs / (processingMs + rollupMs);
  log(`rollups: ${rolledUp} events in ${(rollupMs / 1000).toFixed(1)} s; processing with rollups on ≈ ${(rollupRatio * 100).toFixed(0)}% of rollups off (target ≥ 90%)`);

  await ceilingApp.close();
  await sim.close();
  await app.close();
  await container.close();
  await dropDatabase();
  const round = (n: number, d = 0) => Number(n.toFixed(d));
  process.stdout.write(`${JSON.stringify({ bench: 'webhook-ingest', db: dbKind, ceilingEnvPerSec: round(ceilingEnvPerSec), envPerSec: round(envPerSec), msgsPerSec: round(envPerSec), ratio: round(envPerSec / ceilingEnvPerSec, 2), p50AckMs: round(paced.p50Ms, 2), p99AckMs: round(paced.p99Ms, 2), processingMsgsPerSec: round(processingMsgsPerSec), cpuMsPer1kAcked: { product: ackPerK.productMs, postgres: ackPerK.postgresMs }, cpuMsPer1kProcessed: { product: processPerK.productMs, postgres: processPerK.postgresMs }, rollupEventsPerSec: round((rolledUp / rollupMs) * 1000), rollupRatio: round(rollupRatio, 2) })}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exit(1);
});
