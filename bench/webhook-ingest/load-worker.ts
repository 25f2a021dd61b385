// Load generator of the webhook-ingest benchmark, in its own thread: keep-alive connections,
// signed Meta envelopes (one text message each, customers from a pool), latencies recorded.
// With `ratePerSec` it paces requests (open loop) to measure acknowledgement latency at a rate.
import { createHmac } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { Pool } from 'undici';

export interface LoadJob {
  kind: 'run';
  url: string;
  path: string;
  appSecret: string;
  phoneNumberId: string;
  wabaId: string;
  durationMs: number;
  concurrency: number;
  ratePerSec?: number;
  prefix: string;
  customers: number;
}

const port = parentPort!;

function envelope(job: LoadJob, n: number): Buffer {
  const now = Math.floor(Date.now() / 1000);
  const from = String(4915100000000 + (n % job.customers));
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550783881', phone_number_id: job.phoneNumberId },
    contacts: [{ profile: { name: `Customer ${n % job.customers}` }, wa_id: from }],
    messages: [{ from, id: `wamid.${job.prefix}.${n}`, timestamp: String(now), type: 'text', text: { body: `Hello, I would like to know the status of order ${n}, thanks` } }],
  };
  return Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: job.wabaId, changes: [{ value, field: 'messages' }] }] }));
}

async function run(job: LoadJob): Promise<void> {
  const pool = new Pool(job.url, { connections: job.concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + job.durationMs;
  const one = async () => {
    const body = envelope(job, next++);
    const headers = { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', job.appSecret).update(body).digest('hex')}` };
    const t0 = performance.now();
    try {
      const res = await pool.request({ path: job.path, method: 'POST', headers, body });
      await res.body.dump();
      latencies.push(performance.now() - t0);
      if (res.statusCode === 200) ok++;
      else errors++;
    } catch {
      errors++;
    }
  };
  if (job.ratePerSec) {
    const interval = 1000 / job.ratePerSec;
    const inflight = new Set<Promise<void>>();
    for (let i = 0; performance.now() < deadline; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const p = one().finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
  } else {
    await Promise.all(Array.from({ length: job.concurrency }, async () => { while (performance.now() < deadline) await one(); }));
  }
  const elapsedMs = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  port.postMessage({ kind: 'result', ok, errors, elapsedMs, p50Ms: pct(0.5), p99Ms: pct(0.99) });
}

port.on('message', (msg: LoadJob | { kind: 'stop' }) => {
  if (msg.kind === 'run') void run(msg);
  else port.close();
});
