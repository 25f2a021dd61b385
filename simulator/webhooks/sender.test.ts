import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eventually, startHarness, CUSTOMER } from '../test-support/harness';

function verifies(secret: string, raw: Buffer, header: unknown): boolean {
  const expected = Buffer.from('sha256=' + createHmac('sha256', secret).update(raw).digest('hex'));
  const given = Buffer.from(String(header));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

test('bodies are Meta-escaped and signed over the exact bytes with the app secret', async () => {
  const h = await startHarness();
  try {
    await h.inbound({ type: 'text', profileName: 'Zoë 😀 مريم', text: { body: 'Olá! Veja https://example.com/p?id=1 😀' } });
    const hook = await h.receiver.waitFor(() => h.receiver.received[0]);
    const raw = hook.raw.toString('latin1');
    assert.match(raw, /^[\x20-\x7e]+$/, 'only ASCII on the wire');
    assert.ok(raw.includes('Ol\\u00e1'), 'accents escaped in lower-case hex');
    assert.ok(raw.includes('\\ud83d\\ude00'), 'emoji as a surrogate pair');
    assert.ok(raw.includes('\\u0645\\u0631\\u064a\\u0645'), 'Arabic escaped');
    assert.ok(raw.includes('https:\\/\\/example.com\\/p?id=1'), 'slashes escaped');
    assert.ok(!raw.includes(' "') && !raw.includes(': '), 'compact JSON');
    assert.match(String(hook.headers['x-hub-signature-256']), /^sha256=[0-9a-f]{64}$/);
    assert.ok(verifies(h.number.appSecret, hook.raw, hook.headers['x-hub-signature-256']));
    // Re-serializing the parsed body (what a careless receiver does) breaks the signature.
    assert.ok(!verifies(h.number.appSecret, Buffer.from(JSON.stringify(hook.json)), hook.headers['x-hub-signature-256']));
    assert.equal(hook.headers['content-type'], 'application/json');
    assert.equal(hook.json.entry[0].changes[0].value.messages[0].text.body, 'Olá! Veja https://example.com/p?id=1 😀');
  } finally {
    await h.close();
  }
});

test('a webhook answered 500 is retried with the same bytes until it gets 200', async () => {
  const h = await startHarness({}, {}, { respond: (i: number) => (i < 2 ? 500 : 200) });
  try {
    await h.inbound({ type: 'text', text: { body: 'retry me' } });
    await h.receiver.waitFor(() => h.receiver.received.length >= 3);
    const [first, second, third] = h.receiver.received;
    assert.deepEqual(second!.raw, first!.raw);
    assert.deepEqual(third!.raw, first!.raw);
    assert.equal(third!.headers['x-hub-signature-256'], first!.headers['x-hub-signature-256']);
    const log = (await h.control('GET', `/_sim/deliveries?phoneNumberId=${h.number.phoneNumberId}`)).json.deliveries;
    assert.deepEqual(log.map((d: { outcome: string; statusCode: number }) => [d.statusCode, d.outcome]), [[500, 'retrying'], [500, 'retrying'], [200, 'delivered']]);
  } finally {
    await h.close();
  }
});

test('retries stop at the horizon (compressed from 7 days)', async () => {
  const webhooks = { lingerMs: 5, retryBaseMs: 20, retryMaxMs: 40, retryHorizonMs: 300, timeoutMs: 1_000 };
  const h = await startHarness({ webhooks }, {}, { respond: () => 503 });
  try {
    await h.inbound({ type: 'text', text: { body: 'nobody home' } });
    const deliveries = await eventually(async () => {
      const log = (await h.control('GET', '/_sim/deliveries')).json.deliveries as Array<{ outcome: string }>;
      return log.at(-1)?.outcome === 'gave_up' && log;
    });
    assert.ok(deliveries.length >= 2, `attempts: ${deliveries.length}`);
    assert.ok(deliveries.slice(0, -1).every((d) => d.outcome === 'retrying'));
    const count = h.receiver.received.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(h.receiver.received.length, count, 'no attempt after giving up');
  } finally {
    await h.close();
  }
});

test('pending updates for one endpoint are batched into one envelope', async () => {
  const h = await startHarness({ webhooks: { lingerMs: 100, maxUpdatesPerPost: 1000 } });
  try {
    // Injected in one tick through the engine, so the batch does not depend on HTTP timing.
    for (const i of [1, 2, 3]) {
      h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, type: 'text', from: String(Number(CUSTOMER) + i), profileName: `C${i}`, text: { body: `m${i}` } });
    }
    await h.receiver.waitFor(() => h.receiver.messages().length === 3);
    assert.equal(h.receiver.received.length, 1);
    const value = h.receiver.received[0]!.json.entry[0].changes[0].value;
    assert.equal(value.messages.length, 3);
    assert.deepEqual(value.contacts.map((c: { profile: { name: string } }) => c.profile.name).sort(), ['C1', 'C2', 'C3']);
  } finally {
    await h.close();
  }
});

test('maxUpdatesPerPost splits large batches', async () => {
  const h = await startHarness({ webhooks: { lingerMs: 200, maxUpdatesPerPost: 2 } });
  try {
    for (const i of [1, 2, 3, 4, 5]) h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from: CUSTOMER, type: 'text', text: { body: `m${i}` } });
    await h.receiver.waitFor(() => h.receiver.messages().length === 5);
    assert.deepEqual(h.receiver.received.map((r) => r.json.entry[0].changes[0].value.messages.length), [2, 2, 1]);
  } finally {
    await h.close();
  }
});

test('signature: "invalid" sends a body whose signature does not verify (the receiver must reject it)', async () => {
  const h = await startHarness();
  try {
    await h.inbound({ type: 'text', text: { body: 'forged' }, signature: 'invalid' });
    const hook = await h.receiver.waitFor(() => h.receiver.received[0]);
    assert.match(String(hook.headers['x-hub-signature-256']), /^sha256=[0-9a-f]{64}$/);
    assert.ok(!verifies(h.number.appSecret, hook.raw, hook.headers['x-hub-signature-256']));
  } finally {
    await h.close();
  }
});
