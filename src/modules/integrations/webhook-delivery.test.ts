import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { withTenant } from '../../platform/db';
import { testDatabaseUrl } from '../../platform/db/test-database';
import { publishEvent, type EventDataByType, type EventType } from '../../platform/events';
import { jobCatalog, startJobRunner } from '../../platform/jobs';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { fanOutEvents } from './fan-out-events';
import { webhookJobHandlers } from './webhook-worker';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  at: number;
}

let t: TestApp;
let receiver: Server;
let base: string;
const received: Received[] = [];
/** Status to answer per path: a queue (the last one repeats). */
const answers = new Map<string, number[]>();

before(async () => {
  t = await startTestApp({ WEBHOOKS_ALLOW_PRIVATE_URLS: 'true' });
  Object.assign(t.container.integrations.policy, { retryBaseMs: 50, retryMaxMs: 200, maxAttempts: 6, disableAfterFailures: 3, disableAfterMs: 0, timeoutMs: 2000 });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url!, headers: req.headers, raw: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const queue = answers.get(req.url!) ?? [200];
      res.statusCode = queue.length > 1 ? queue.shift()! : queue[0]!;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
});
after(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  await t.close();
});

const deps = () => t.container.integrations;
const publish = <T extends EventType>(workspaceId: string, type: T, data: EventDataByType[T]) => withTenant(t.database.db, workspaceId, (tx) => publishEvent(tx, workspaceId, type, data));
const at = (path: string) => received.filter((r) => r.path === path);

async function subscribe(client: HttpClient, path: string, events: string[]) {
  const response = await client.post('/api/v1/webhook-subscriptions', { url: `${base}${path}`, events });
  assert.equal(response.status, 201, response.text);
  return response.body as { id: string; secret: string };
}

/** Runs the fan-out and the job runner until `done` holds (retries wait for their backoff). */
async function settle(done: () => boolean | Promise<boolean>, timeoutMs = 8000) {
  const runner = startJobRunner({ db: t.database.db, clock: t.container.clock, logger: t.container.logger, pollMs: 10, catalog: { deliverWebhook: jobCatalog.deliverWebhook }, handlers: webhookJobHandlers(deps()) });
  try {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('webhooks did not settle');
      await fanOutEvents(deps());
      await runner.drain();
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await runner.stop();
  }
}

test('one signed delivery per matching subscription per event, even when consumers race', async () => {
  const a = await t.signUp();
  const b = await t.signUp();
  const conv = await subscribe(a.client, '/a-conv', ['conversation.updated', 'message.received']);
  await subscribe(a.client, '/a-status', ['message.status']);
  await subscribe(b.client, '/b-conv', ['conversation.updated']);
  await publish(a.workspaceId, 'conversation.updated', { conversationId: 'conv-1' });
  await publish(a.workspaceId, 'message.created', { messageId: 'm-out', conversationId: 'conv-1', contactId: 'k1', channelId: 'ch', direction: 'outbound' });
  await publish(a.workspaceId, 'message.created', { messageId: 'm-in', conversationId: 'conv-1', contactId: 'k1', channelId: 'ch', direction: 'inbound' });
  // Three consumers race over the same outbox, round after round. Events become visible once every
  // older transaction of the cluster has ended (other databases' too, on a shared server), so the
  // fan-out is eventual; what must hold is that the racing consumers create each delivery once.
  let fannedOut = 0;
  const deadline = Date.now() + 10_000;
  while (fannedOut < 2 && Date.now() < deadline) {
    const counts = await Promise.all([fanOutEvents(deps()), fanOutEvents(deps()), fanOutEvents(deps())]);
    fannedOut += counts.reduce((x, y) => x + y, 0);
    if (fannedOut < 2) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(fannedOut, 2);
  assert.equal(await fanOutEvents(deps()), 0);
  await settle(() => at('/a-conv').length >= 2);
  await new Promise((r) => setTimeout(r, 100));
  await settle(() => true);

  // Deliveries are independent (no ordering promise): compare them in event order.
  const got = at('/a-conv').sort((x, y) => Number(x.headers['x-whatgrow-event']) - Number(y.headers['x-whatgrow-event']));
  assert.equal(got.length, 2, 'no duplicates');
  assert.equal(at('/a-status').length, 0);
  assert.equal(at('/b-conv').length, 0, "B's subscription never hears A's events");
  const bodies = got.map((r) => JSON.parse(r.raw) as { id: string; type: string; createdAt: string; data: Record<string, unknown> });
  assert.deepEqual(bodies.map((body) => body.type), ['conversation.updated', 'message.received']);
  assert.deepEqual(bodies[0]!.data, { conversationId: 'conv-1' });
  assert.deepEqual(bodies[1]!.data, { messageId: 'm-in', conversationId: 'conv-1', contactId: 'k1', channelId: 'ch' });
  assert.deepEqual(Object.keys(bodies[0]!).sort(), ['createdAt', 'data', 'id', 'type']);
  for (const r of got) {
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['x-whatgrow-signature']));
    assert.ok(match, 'signature header shape');
    const expected = createHmac('sha256', conv.secret).update(`${match[1]}.${r.raw}`).digest('hex');
    assert.equal(match[2], expected, 'HMAC-SHA256(secret, "<t>.<raw body>") verifies with the secret shown once');
    assert.ok(Math.abs(Number(match[1]) - Date.now() / 1000) < 60);
    assert.equal(r.headers['x-whatgrow-event'], (JSON.parse(r.raw) as { id: string }).id);
    assert.ok(r.headers['x-whatgrow-delivery']);
    assert.ok(!r.raw.includes(conv.secret), 'no secret in the payload');
  }
  const log = await a.client.get(`/api/v1/webhook-subscriptions/${conv.id}/deliveries`);
  const entries = (log.body as { data: { status: string; attempts: number; lastStatusCode: number; type: string; lastDurationMs: number }[] }).data;
  assert.deepEqual(entries.map((e) => [e.type, e.status, e.attempts, e.lastStatusCode]).sort(), [['conversation.updated', 'succeeded', 1, 200], ['message.received', 'succeeded', 1, 200]]);
  const page = await a.client.get(`/api/v1/webhook-subscriptions/${conv.id}/deliveries?limit=1`);
  const next = (page.body as { nextCursor: string }).nextCursor;
  assert.ok(next);
  const rest = await a.client.get(`/api/v1/webhook-subscriptions/${conv.id}/deliveries?limit=1&cursor=${next}`);
  const firstPage = (page.body as { data: { id: string }[] }).data[0]!.id;
  assert.deepEqual([firstPage, (rest.body as { data: { id: string }[] }).data[0]!.id].sort(), entries.map((e) => (e as unknown as { id: string }).id).sort(), 'the cursor pages through the log');
  const audit = await a.client.get('/api/v1/audit-events?limit=200');
  assert.equal((audit.body as { data: { action: string }[] }).data.filter((e) => e.action === 'webhook.delivered').length, 2, 'each delivery is audited');
});

test('a 500 is retried with backoff until it succeeds', async () => {
  const a = await t.signUp();
  const sub = await subscribe(a.client, '/flaky', ['message.status']);
  answers.set('/flaky', [500, 500, 200]);
  await publish(a.workspaceId, 'message.status', { messageId: 'm1', conversationId: null, status: 'delivered' });
  await settle(() => at('/flaky').length >= 3);
  const tries = at('/flaky');
  assert.equal(tries.length, 3);
  assert.equal(new Set(tries.map((r) => r.headers['x-whatgrow-delivery'])).size, 1, 'the same delivery each time');
  assert.ok(tries[1]!.at - tries[0]!.at >= 35, 'waited for its backoff');
  assert.ok(tries[2]!.at - tries[1]!.at >= 70, 'the second backoff is about twice the first (100 ms ± 20%)');
  const log = (await a.client.get(`/api/v1/webhook-subscriptions/${sub.id}/deliveries`)).body as { data: { status: string; attempts: number; lastStatusCode: number; lastError: string | null; completedAt: string }[] };
  assert.deepEqual([log.data[0]!.status, log.data[0]!.attempts, log.data[0]!.lastStatusCode, log.data[0]!.lastError], ['succeeded', 3, 200, null]);
  const view = (await a.client.get(`/api/v1/webhook-subscriptions/${sub.id}`)).body as { consecutiveFailures: number; enabled: boolean };
  assert.deepEqual([view.enabled, view.consecutiveFailures], [true, 0], 'a success resets the failure streak');
});

test('repeated failures disable the subscription, with the reason; enable brings it back', async () => {
  const a = await t.signUp();
  const sub = await subscribe(a.client, '/down', ['conversation.updated']);
  answers.set('/down', [503]);
  await publish(a.workspaceId, 'conversation.updated', { conversationId: 'c1' });
  await settle(async () => !((await a.client.get(`/api/v1/webhook-subscriptions/${sub.id}`)).body as { enabled: boolean }).enabled);
  const view = (await a.client.get(`/api/v1/webhook-subscriptions/${sub.id}`)).body as { enabled: boolean; disabledReason: string; consecutiveFailures: number; disabledAt: string };
  assert.equal(view.consecutiveFailures, 3);
  assert.match(view.disabledReason, /disabled automatically after 3 consecutive failed deliveries/);
  assert.ok(view.disabledAt);
  const log = (await a.client.get(`/api/v1/webhook-subscriptions/${sub.id}/deliveries`)).body as { data: { status: string; lastStatusCode: number; lastError: string }[] };
  assert.equal(log.data[0]!.lastStatusCode, 503);
  assert.match(log.data[0]!.lastError, /^(HTTP 503|the subscription is disabled)$/, 'a retry due after disabling is abandoned, not sent');
  const audit = (await a.client.get('/api/v1/audit-events?limit=200')).body as { data: { action: string }[] };
  assert.ok(audit.data.some((e) => e.action === 'webhook_subscription.disabled'));
  assert.equal(audit.data.filter((e) => e.action === 'webhook.delivery_failed').length, 3);

  // While disabled nothing is delivered; after enabling, new events are.
  await publish(a.workspaceId, 'conversation.updated', { conversationId: 'while-disabled' });
  await settle(() => true);
  const before = at('/down').length;
  answers.set('/down', [200]);
  const enabled = await a.client.post(`/api/v1/webhook-subscriptions/${sub.id}/enable`);
  assert.equal(enabled.status, 200);
  assert.equal((enabled.body as { consecutiveFailures: number }).consecutiveFailures, 0);
  await publish(a.workspaceId, 'conversation.updated', { conversationId: 'after-enable' });
  await settle(() => at('/down').some((r) => r.raw.includes('after-enable')));
  assert.ok(!at('/down').slice(before).some((r) => r.raw.includes('while-disabled')), 'events from the disabled period are not sent');
});

test('an event whose transaction commits after a later one is still fanned out (PostgreSQL)', { skip: !testDatabaseUrl() && 'PGlite has one connection' }, async () => {
  const a = await t.signUp();
  await subscribe(a.client, '/order', ['conversation.updated']);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let published!: () => void;
  const inserted = new Promise<void>((resolve) => (published = resolve));
  const slow = withTenant(t.database.db, a.workspaceId, async (tx) => {
    await publishEvent(tx, a.workspaceId, 'conversation.updated', { conversationId: 'slow' });
    published();
    await held;
  });
  await inserted;
  await publish(a.workspaceId, 'conversation.updated', { conversationId: 'fast' });
  await fanOutEvents(deps());
  release();
  await slow;
  await settle(() => at('/order').length >= 2);
  assert.deepEqual(at('/order').map((r) => (JSON.parse(r.raw) as { data: { conversationId: string } }).data.conversationId).sort(), ['fast', 'slow']);
});

test('a registered enricher shapes the payload of its event type (the inbox adds content to message.received)', async () => {
  const a = await t.signUp();
  await subscribe(a.client, '/enriched', ['message.received']);
  deps().enrichers.register('message.received', async (_tx, workspaceId, event) => ({ ...(event.data as object), workspaceId, content: { text: { body: 'hello' } } }));
  await publish(a.workspaceId, 'message.created', { messageId: 'm9', conversationId: 'c9', contactId: 'k9', channelId: 'ch9', direction: 'inbound' });
  await settle(() => at('/enriched').length >= 1);
  const body = JSON.parse(at('/enriched')[0]!.raw) as { type: string; data: Record<string, unknown> };
  assert.equal(body.type, 'message.received');
  assert.deepEqual(body.data.content, { text: { body: 'hello' } });
  assert.equal(body.data.workspaceId, a.workspaceId);
});
