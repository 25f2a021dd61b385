// Starts a simulator with compressed timings, a webhook receiver and one registered number,
// and gives tests small HTTP helpers. Everything is real HTTP.
import { createSimulator, type CreateSimulatorOptions, type RunningSimulator } from '../http/create-simulator';
import type { RegisterNumberInput } from '../engine/numbers';
import { startReceiver, type WebhookReceiver } from './webhook-receiver';
import { parseJsonOr, type Json } from './json';

export const FAST: CreateSimulatorOptions = {
  seed: 42,
  statusDelaysMs: { sent: 5, delivered: 15, read: 25, played: 35 },
  variation: { readRate: 1, skipDeliveredRate: 0, outOfOrderRate: 0, duplicateRate: 0 },
  webhooks: { lingerMs: 5, retryBaseMs: 20, retryMaxMs: 200, retryHorizonMs: 2_000, timeoutMs: 2_000 },
  templateReviewMs: 30,
  pacingHoldMs: 30,
};

export interface HttpResult {
  status: number;
  json: Json;
  headers: Headers;
}

export interface Harness {
  sim: RunningSimulator;
  receiver: WebhookReceiver;
  number: RegisterNumberInput;
  /** Graph call with the number's token unless another is given (null: no token). */
  graph(method: string, path: string, body?: unknown, token?: string | null): Promise<HttpResult>;
  control(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult>;
  /** A customer writes, so their 24 h window opens. */
  inbound(body: Record<string, unknown>): Promise<HttpResult>;
  close(): Promise<void>;
}

export const CUSTOMER = '16315551181';

export async function startHarness(opts: CreateSimulatorOptions = {}, number: Partial<RegisterNumberInput> = {}, receiverOpts = {}): Promise<Harness> {
  const receiver = await startReceiver(receiverOpts);
  const sim = await createSimulator({
    ...FAST,
    ...opts,
    statusDelaysMs: { ...FAST.statusDelaysMs, ...opts.statusDelaysMs },
    variation: { ...FAST.variation, ...opts.variation },
    webhooks: { ...FAST.webhooks, ...opts.webhooks },
  });
  const registered: RegisterNumberInput = {
    phoneNumberId: '106540352242922',
    wabaId: '102290129340398',
    displayPhoneNumber: '+1 555-078-3881',
    accessToken: 'EAAtest-token-1',
    appSecret: 'app-secret-1',
    webhookUrl: receiver.url,
    customers: [{ waId: CUSTOMER, name: 'Kerry Fisher' }],
    ...number,
  };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> => {
    const res = await fetch(sim.url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: parseJsonOr(text, text), headers: res.headers };
  };
  const admin: Record<string, string> = opts.adminToken ? { authorization: `Bearer ${opts.adminToken}` } : {};
  const reg = await call('POST', '/_sim/numbers', registered, admin);
  if (reg.status !== 201) throw new Error(`registering the test number failed: ${JSON.stringify(reg.json)}`);
  return {
    sim,
    receiver,
    number: registered,
    graph: (method, path, body, token = registered.accessToken) => call(method, path, body, token === null ? {} : { authorization: `Bearer ${token}` }),
    control: (method, path, body, headers = admin) => call(method, path, body, headers),
    inbound: (body) => call('POST', '/_sim/inbound', { phoneNumberId: registered.phoneNumberId, from: CUSTOMER, ...body }, admin),
    async close() {
      await sim.close();
      await receiver.close();
    },
  };
}

export const textTo = (to: string, body = 'Hello'): Record<string, unknown> => ({ messaging_product: 'whatsapp', to, type: 'text', text: { body } });

/** Polls an async probe until it returns something truthy. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
