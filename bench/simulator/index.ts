// Benchmark of the simulator's send path: POST /<PHONE_NUMBER_ID>/messages (template sends,
// as a campaign does) over keep-alive HTTP, driven from a worker thread so the simulator
// keeps a core. The headline figure, sendsPerSec, is measured with status webhooks ON:
// each accepted send also schedules sent/delivered/read webhooks that are batched, escaped,
// signed and posted to a receiver answering 200 — the work the simulator really does per
// send. A second phase with them off shows the bare request path. Because this machine is
// shared, the simulator thread's CPU time per send is reported too (wall-clock rates drop
// when other processes take the cores; CPU per send does not).
// Readable lines go to stderr; the last stdout line is the JSON result.
import { Worker } from 'node:worker_threads';
import { loadavg } from 'node:os';
import { createSimulator } from '../../simulator/index';
import { mainThreadCpuMs } from './thread-cpu';

const DURATION_MS = Number(process.argv[2] ?? 5_000);
const CONNECTIONS = 16; // one request in flight per keep-alive connection, no pipelining
// Few enough that the warm-up meets every recipient once (first contact creates the customer,
// its chat and its pair-rate bucket, a one-off cost), enough that the 45-message pair burst
// never limits: at 7,000 sends/s for the whole run each recipient gets about 30.
const RECIPIENTS = 3_000;

interface RunResult {
  sent: number;
  errors: number;
  elapsedMs: number;
  p50Ms: number;
  p99Ms: number;
}

interface Phase extends RunResult {
  sendsPerSec: number;
  cpuUsPerSend: number | null;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Worker threads do not inherit the tsx loader; register it inside the worker first. */
function startTsWorker(file: URL): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(boot, { eval: true });
}

function request<T>(worker: Worker, message: unknown, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (msg: { kind: string } & T) => {
      if (msg.kind !== reply) return;
      worker.off('message', onMessage);
      resolve(msg);
    };
    worker.on('message', onMessage);
    worker.postMessage(message);
  });
}

async function phase(worker: Worker, job: Record<string, unknown>, durationMs: number): Promise<Phase> {
  const cpuBefore = mainThreadCpuMs();
  const r = await request<RunResult>(worker, { ...job, durationMs }, 'result');
  const cpuAfter = mainThreadCpuMs();
  const cpuUsPerSend = cpuBefore === null || cpuAfter === null || r.sent === 0 ? null : ((cpuAfter - cpuBefore) * 1000) / r.sent;
  return { ...r, sendsPerSec: (r.sent / r.elapsedMs) * 1000, cpuUsPerSend };
}

const describe = (p: Phase) =>
  `${Math.round(p.sendsPerSec)} sends/s (p50 ${p.p50Ms.toFixed(2)} ms, p99 ${p.p99Ms.toFixed(2)} ms, errors ${p.errors}` +
  (p.cpuUsPerSend === null ? ')' : `, simulator thread ${p.cpuUsPerSend.toFixed(0)} µs CPU per send)`);

async function main(): Promise<void> {
  const worker = startTsWorker(new URL('./load-worker.ts', import.meta.url));
  const { webhookUrl } = await new Promise<{ webhookUrl: string }>((resolve) => worker.once('message', resolve));
  const sim = await createSimulator({
    seed: 7,
    statusDelaysMs: { sent: 50, delivered: 200, read: 500, played: 700 },
    webhooks: { lingerMs: 20, maxUpdatesPerPost: 500, maxConcurrent: 16 },
    templateReviewMs: 0,
    sentLogLimitPerNumber: 10_000,
  });
  const number = { phoneNumberId: '100200300', wabaId: '900800700', accessToken: 'bench-token-123', appSecret: 'bench-secret-123' };
  sim.engine.registerNumber({ ...number, displayPhoneNumber: '+1 444 000 0000', webhookUrl, throughputMps: 100_000 });
  const created = await fetch(`${sim.url}/v24.0/${number.wabaId}/message_templates`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${number.accessToken}` },
    body: JSON.stringify({ name: 'order_update', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order {{1}} has shipped.', example: { body_text: [['#1']] } }] }),
  });
  if (!created.ok) throw new Error(`template creation failed: ${await created.text()}`);
  await new Promise((resolve) => setTimeout(resolve, 50)); // review delay 0: approved on the next tick

  const job = {
    kind: 'run',
    url: sim.url,
    path: `/v24.0/${number.phoneNumberId}/messages`,
    token: number.accessToken,
    concurrency: CONNECTIONS,
    connections: CONNECTIONS,
    pipelining: 1,
    recipients: RECIPIENTS,
  };
  const load = loadavg()[0]!.toFixed(2);
  log(`simulator bench: ${CONNECTIONS} keep-alive connections, ${DURATION_MS} ms per phase, template sends to ${RECIPIENTS} recipients; load average ${load}`);
  await phase(worker, job, 2_000); // warm-up: JIT, connections, every recipient met once

  await sim.engine.idle();
  const { count: statusesBefore } = await request<{ count: number }>(worker, { kind: 'statuses' }, 'statuses');
  const on = await phase(worker, job, DURATION_MS);
  log(`status webhooks on : ${describe(on)}`);
  await sim.engine.idle();
  const { count: statusesAfter } = await request<{ count: number }>(worker, { kind: 'statuses' }, 'statuses');
  const statuses = statusesAfter - statusesBefore;
  log(`  ${statuses} status webhooks of those sends delivered and acknowledged (${(statuses / on.sent).toFixed(2)} per send)`);

  sim.engine.patchNumber(number.phoneNumberId, { statusWebhooks: false });
  const off = await phase(worker, job, DURATION_MS);
  log(`status webhooks off: ${describe(off)}`);

  await sim.close();
  worker.postMessage({ kind: 'stop' });
  await new Promise((resolve) => worker.once('exit', resolve));
  const round = (n: number | null) => (n === null ? null : Math.round(n));
  process.stdout.write(
    `${JSON.stringify({
      bench: 'simulator',
      sendsPerSec: round(on.sendsPerSec),
      sendsPerSecStatusWebhooksOff: round(off.sendsPerSec),
      cpuUsPerSend: round(on.cpuUsPerSend),
      cpuUsPerSendStatusWebhooksOff: round(off.cpuUsPerSend),
      statusWebhooksDelivered: statuses,
      p50Ms: Number(on.p50Ms.toFixed(2)),
      p99Ms: Number(on.p99Ms.toFixed(2)),
      errors: on.errors + off.errors,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      loadAverage: Number(loadavg()[0]!.toFixed(2)),
    })}\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
