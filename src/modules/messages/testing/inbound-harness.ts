import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulator, type RunningSimulator } from '../../../../simulator';
import { jobCatalog, startJobRunner } from '../../../platform/jobs';
import { startEnvelopeProcessor } from '../../channels';
import type { HttpClient } from '../../../test-support/http-client';
import type { TestApp } from '../../../test-support/test-app';
import { fetchMedia } from '../media/fetch-media';

export interface Captured {
  raw: Buffer;
  signature: string;
}

let counter = 0;

/**
 * A workspace with a channel connected to a standalone simulator whose webhooks go to a capture
 * server: tests deliver the captured (signed) envelopes to the product themselves, once or many
 * times, in any order.
 */
export async function startInboundHarness(t: TestApp, owner: HttpClient) {
  const captured: Captured[] = [];
  const capture = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST') captured.push({ raw: Buffer.concat(chunks), signature: String(req.headers['x-hub-signature-256'] ?? '') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  const sim: RunningSimulator = await createSimulator({
    seed: 7,
    statusDelaysMs: { sent: 2, delivered: 4, read: 6, played: 8 },
    variation: { readRate: 1, skipDeliveredRate: 0, outOfOrderRate: 0, duplicateRate: 0 },
    webhooks: { lingerMs: 3, retryBaseMs: 20, retryMaxMs: 100, retryHorizonMs: 2_000 },
  });
  counter += 1;
  const suffix = `${process.pid % 1000}${counter}`.padStart(5, '0');
  const number = {
    phoneNumberId: `1065403522${suffix}`,
    wabaId: `1022901293${suffix}`,
    displayPhoneNumber: `1555078${suffix.slice(-4)}`,
    accessToken: `EAAJB-inbound-token-${suffix}-abcdef`,
    appSecret: `inbound-app-secret-${suffix}-0123456789`,
    webhookUrl: `http://127.0.0.1:${(capture.address() as AddressInfo).port}/webhooks/whatsapp`,
  };
  sim.engine.registerNumber(number);
  const connected = await owner.post('/api/v1/channels/whatsapp', {
    ...number,
    webhookUrl: undefined,
    verifyToken: `verify-${number.phoneNumberId}`,
    graphApiBaseUrl: sim.url,
  });
  if (connected.status !== 201) throw new Error(`connect failed: ${connected.status} ${connected.text}`);
  const channelId = (connected.body as { id: string }).id;
  const processor = startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger: t.container.logger, sink: t.container.envelopeSink, autoStart: false });
  const jobs = startJobRunner({ db: t.container.database.db, clock: t.container.clock, logger: t.container.logger, catalog: { mediaFetch: jobCatalog.mediaFetch }, handlers: { mediaFetch: (payload) => fetchMedia(t.container.messages, payload) }, pollMs: 10_000 });

  return {
    sim,
    number,
    channelId,
    captured,
    sign: (raw: Buffer, secret = number.appSecret) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`,
    /** Waits for the simulator to post everything it has queued, then takes what was captured. */
    async take(): Promise<Captured[]> {
      await sim.engine.idle();
      return captured.splice(0);
    },
    async deliver(c: Captured) {
      return fetch(`${t.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': c.signature }, body: c.raw });
    },
    async process() {
      await processor.drain();
      await jobs.drain();
      await processor.drain();
    },
    async close() {
      await jobs.stop();
      await processor.stop();
      await sim.close();
      await new Promise<void>((resolve) => capture.close(() => resolve()));
    },
  };
}
