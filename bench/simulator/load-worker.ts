// The load generator of the simulator benchmark, in its own thread so the simulator keeps
// a core to itself: keep-alive connections, a fixed number of sends in flight, latencies
// recorded. It also hosts the webhook receiver (the "product" side) answering 200.
import { parentPort } from 'node:worker_threads';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

interface Job {
  kind: 'run';
  url: string;
  path: string;
  token: string;
  durationMs: number;
  concurrency: number;
  connections: number;
  pipelining: number;
  recipients: number;
}

const port = parentPort!;
let statusesReceived = 0;

const receiver = createServer((req, res) => {
  let bytes = '';
  req.setEncoding('latin1');
  req.on('data', (c: string) => (bytes += c));
  req.on('end', () => {
    // Counting `"status":` occurrences is enough to know how many statuses arrived.
    statusesReceived += bytes.split('"status":').length - 1;
    res.writeHead(200).end();
  });
});
receiver.listen(0, '127.0.0.1', () => {
  port.postMessage({ kind: 'ready', webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook` });
});

async function run(job: Job): Promise<void> {
  const pool = new Pool(job.url, { connections: job.connections, pipelining: job.pipelining, keepAliveTimeout: 30_000 });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${job.token}` };
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + job.durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const to = String(15550000000 + (next++ % job.recipients));
      const components = `[{"type":"body","parameters":[{"type":"text","text":"#${next}"}]}]`;
      const body = `{"messaging_product":"whatsapp","to":"${to}","type":"template","template":{"name":"order_update","language":{"code":"en_US"},"components":${components}}}`;
      const t0 = performance.now();
      const res = await pool.request({ path: job.path, method: 'POST', headers, body });
      await res.body.dump();
      latencies.push(performance.now() - t0);
      if (res.statusCode === 200) sent++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, loop));
  const elapsedMs = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  port.postMessage({ kind: 'result', sent, errors, elapsedMs, p50Ms: pct(0.5), p99Ms: pct(0.99) });
}

port.on('message', (msg: Job | { kind: 'statuses' } | { kind: 'stop' }) => {
  if (msg.kind === 'run') void run(msg);
  else if (msg.kind === 'statuses') port.postMessage({ kind: 'statuses', count: statusesReceived });
  else receiver.close(() => port.close());
});

