import { createSimulator, type RunningSimulator } from '../../simulator';
import { CloudApiClient, startEnvelopeProcessor } from '../modules/channels';
import { startSender } from '../modules/messages';
import type { HttpClient } from './http-client';
import type { TestApp } from './test-app';

let counter = 0;

// Each suite gets numbers of its own shape, so ids never collide between test files.
const numberShapes = {
  outbound: { phone: '1077403522', waba: '1033901293', display: '1555079' },
  campaign: { phone: '1088403522', waba: '1044901293', display: '1555081' },
  control: { phone: '1099403522', waba: '1055901293', display: '1555082' },
  faults: { phone: '1011403522', waba: '1066901293', display: '1555083' },
};

/**
 * A workspace whose channel is a standalone simulator number posting its webhooks to the product;
 * the envelope processor and the sender run in this process, as in a worker.
 */
export async function startSenderHarness(
  t: TestApp,
  owner: HttpClient,
  options: { label?: keyof typeof numberShapes; throughputMps?: number; statusWebhooks?: boolean } = {},
) {
  const label = options.label ?? 'outbound';
  const shape = numberShapes[label];
  const sim: RunningSimulator = await createSimulator({
    seed: 11,
    templateReviewMs: 5,
    statusDelaysMs: { sent: 2, delivered: 4, read: 6, played: 8 },
    variation: { readRate: 0, skipDeliveredRate: 0, outOfOrderRate: 0, duplicateRate: 0 },
    webhooks: { lingerMs: 3, retryBaseMs: 20, retryMaxMs: 100, retryHorizonMs: 2_000 },
  });
  counter += 1;
  const suffix = `${process.pid % 1000}${counter}`.padStart(5, '0');
  const number = {
    phoneNumberId: `${shape.phone}${suffix}`,
    wabaId: `${shape.waba}${suffix}`,
    displayPhoneNumber: `${shape.display}${suffix.slice(-4)}`,
    accessToken: `EAAJB-${label}-token-${suffix}-abcdef`,
    appSecret: `${label}-app-secret-${suffix}-0123456789`,
    webhookUrl: `${t.url}/webhooks/whatsapp`,
    throughputMps: options.throughputMps ?? 80,
  };
  sim.engine.registerNumber(number);
  if (options.statusWebhooks === false) sim.engine.patchNumber(number.phoneNumberId, { statusWebhooks: false });
  const connected = await owner.post('/api/v1/channels/whatsapp', { ...number, webhookUrl: undefined, throughputMps: undefined, verifyToken: `verify-${number.phoneNumberId}`, graphApiBaseUrl: sim.url });
  if (connected.status !== 201) throw new Error(`connect failed: ${connected.status} ${connected.text}`);
  const channelId = (connected.body as { id: string }).id;
  const processor = startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger: t.container.logger, sink: t.container.envelopeSink, wakeOn: t.container.signals.envelopesStored });
  const sender = startSender(t.container.messages, { pollMs: 20, wakeOn: t.container.signals.sendsQueued });
  const graph = new CloudApiClient({ baseUrl: sim.url, apiVersion: 'v24.0', accessToken: number.accessToken, phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, transport: t.container.channels.transport });

  return {
    sim,
    number,
    channelId,
    sender,
    graph,
    /** A customer writes to the business (opens the 24-hour window); waits until it is stored. */
    async inbound(from: string, body: string) {
      sim.engine.injectInbound({ phoneNumberId: number.phoneNumberId, from, type: 'text', text: { body } } as never);
      await sim.engine.idle();
      await processor.drain();
    },
    async settle() {
      await sender.drain();
      await sim.engine.idle();
      await processor.drain();
    },
    async close() {
      await sender.stop();
      await processor.stop();
      await sim.close();
    },
  };
}
