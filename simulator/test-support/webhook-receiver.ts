// A real webhook endpoint for tests: records every request's raw bytes and headers, answers
// Meta's verification handshake, and replies with the status a test chooses per request.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseJsonOr, type Json } from './json';

export interface ReceivedWebhook {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  json: Json;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Every POST's statuses[] / messages[] in arrival order. */
  statuses(): Json[];
  messages(): Json[];
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function startReceiver(opts: { respond?: (index: number) => number; verifyToken?: string } = {}): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let posts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (req.method === 'GET') {
        const q = new URL(req.url ?? '/', 'http://x').searchParams;
        const ok = q.get('hub.mode') === 'subscribe' && q.get('hub.verify_token') === opts.verifyToken;
        res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' }).end(ok ? q.get('hub.challenge') : 'forbidden');
        return;
      }
      const status = opts.respond ? opts.respond(posts++) : 200;
      const json = parseJsonOr(raw.toString('utf8'), null);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, raw, json });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'EVENT_RECEIVED' : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const values = (): Json[] => received.flatMap((r) => (r.json?.entry ?? []).flatMap((e: Json) => e.changes.map((c: Json) => c.value)));
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    statuses: () => values().flatMap((v) => v.statuses ?? []),
    messages: () => values().flatMap((v) => v.messages ?? []),
    async waitFor(probe, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = probe();
        if (value) return value;
        if (Date.now() > deadline) throw new Error('timed out waiting for webhooks');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
