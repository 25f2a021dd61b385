import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, textTo, CUSTOMER, type Harness } from '../test-support/harness';
import type { StatusVariation } from '../engine/options';

async function withNumber(variation: Partial<StatusVariation>, fn: (h: Harness) => Promise<void>, number = {}): Promise<void> {
  // One delivery at a time, so statuses arrive in the order they were posted.
  const h = await startHarness({ variation, webhooks: { maxConcurrent: 1 } }, number);
  try {
    await h.inbound({ type: 'text', text: { body: 'open the window' } });
    await fn(h);
  } finally {
    await h.close();
  }
}

async function send(h: Harness, body: Record<string, unknown> = textTo(CUSTOMER)): Promise<string> {
  const res = await h.graph('POST', `/v24.0/${h.number.phoneNumberId}/messages`, body);
  assert.equal(res.status, 200, JSON.stringify(res.json));
  return res.json.messages[0].id;
}

const sequence = (h: Harness, wamid: string) => h.receiver.statuses().filter((s) => s.id === wamid);
/** Every scheduled status posted and acknowledged. */
const settle = (h: Harness) => h.sim.engine.idle();

test('the usual order is sent → delivered → read, with pricing on sent and delivered', async () => {
  await withNumber({}, async (h) => {
    const wamid = await send(h, { ...textTo(CUSTOMER), biz_opaque_callback_data: 'msg_123' });
    await settle(h);
    const s = sequence(h, wamid);
    assert.deepEqual(s.map((x) => x.status), ['sent', 'delivered', 'read']);
    assert.ok(s.every((x) => x.biz_opaque_callback_data === 'msg_123'));
    assert.deepEqual(s.map((x) => Boolean(x.pricing)), [true, true, false]);
    assert.deepEqual(s[0].pricing, { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' });
    assert.ok(s.every((x) => x.conversation === undefined), 'v24+ omits conversation');
    assert.ok(s.every((x) => typeof x.timestamp === 'string' && x.recipient_id === CUSTOMER));
  });
});

test('v23 webhooks carry conversation on the priced statuses, expiration only on sent', async () => {
  await withNumber({}, async (h) => {
    const wamid = await send(h);
    await settle(h);
    const [sent, delivered, read] = sequence(h, wamid);
    assert.deepEqual(Object.keys(sent.conversation), ['id', 'expiration_timestamp', 'origin']);
    assert.match(sent.conversation.id, /^[0-9a-f]{32}$/);
    assert.deepEqual(sent.conversation.origin, { type: 'service' });
    assert.equal(delivered.conversation.id, sent.conversation.id);
    assert.equal(delivered.conversation.expiration_timestamp, undefined);
    assert.equal(read.conversation, undefined);
  }, { apiVersion: 'v23.0' });
});

test('delivered can be skipped (read implies it)', async () => {
  await withNumber({ skipDeliveredRate: 1 }, async (h) => {
    const wamid = await send(h);
    await settle(h);
    const s = sequence(h, wamid);
    assert.deepEqual(s.map((x) => x.status), ['sent', 'read']);
    assert.ok(s[1].pricing, 'read carries pricing when delivered is skipped');
  });
});

test('read can be posted before delivered; timestamps keep the true order', async () => {
  await withNumber({ outOfOrderRate: 1 }, async (h) => {
    const wamid = await send(h);
    await settle(h);
    const s = sequence(h, wamid);
    assert.deepEqual(s.map((x) => x.status), ['sent', 'read', 'delivered']);
    assert.ok(Number(s[2].timestamp) <= Number(s[1].timestamp));
  });
});

test('a status can be posted twice', async () => {
  await withNumber({ duplicateRate: 1 }, async (h) => {
    const wamid = await send(h);
    await settle(h);
    const s = sequence(h, wamid).map((x) => x.status);
    assert.equal(s.length, 4);
    assert.equal(new Set(s).size, 3);
  });
});

test('the same seed gives the same variations', async () => {
  const run = async () => {
    let out: string[][] = [];
    await withNumber({ readRate: 0.7, skipDeliveredRate: 0.3, outOfOrderRate: 0.3, duplicateRate: 0.3 }, async (h) => {
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push(await send(h, textTo(CUSTOMER, `m${i}`)));
      await settle(h);
      // Deliveries may overtake each other; what the seed fixes is which statuses each message gets.
      out = ids.map((id) => sequence(h, id).map((x) => x.status).sort());
    });
    return out;
  };
  const first = await run();
  assert.deepEqual(await run(), first);
  assert.ok(new Set(first.map((s) => s.join())).size > 1, 'the rates produce several shapes');
});

test('reactions get only sent; voice notes get played', async () => {
  await withNumber({}, async (h) => {
    const target = await send(h);
    const reaction = await send(h, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'reaction', reaction: { message_id: target, emoji: '👍' } });
    const voice = await send(h, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'audio', audio: { link: 'https://example.com/v.ogg', voice: true } });
    await settle(h);
    assert.deepEqual(sequence(h, reaction).map((x) => x.status), ['sent']);
    assert.deepEqual(sequence(h, voice).map((x) => x.status), ['sent', 'delivered', 'read', 'played']);
  });
});

test('a reaction to an unknown message fails with 131009', async () => {
  await withNumber({}, async (h) => {
    const reaction = await send(h, { messaging_product: 'whatsapp', to: CUSTOMER, type: 'reaction', reaction: { message_id: 'wamid.nope', emoji: '👍' } });
    await settle(h);
    const [failed] = sequence(h, reaction);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.errors[0].code, 131009);
  });
});

test('statusWebhooks: false silences delivery statuses', async () => {
  await withNumber({}, async (h) => {
    await h.control('PATCH', `/_sim/numbers/${h.number.phoneNumberId}`, { statusWebhooks: false });
    const wamid = await send(h);
    await settle(h);
    assert.deepEqual(sequence(h, wamid), []);
  });
});

test('a reply to a click-to-WhatsApp ad is free (free_entry_point) and keeps conversation in v24', async () => {
  await withNumber({}, async (h) => {
    await h.inbound({ type: 'text', text: { body: 'From the ad' }, referral: { source_url: 'https://fb.me/a', source_id: '1', source_type: 'ad' } });
    const wamid = await send(h);
    await settle(h);
    const [sent] = sequence(h, wamid);
    assert.deepEqual(sent.pricing, { billable: false, pricing_model: 'PMP', type: 'free_entry_point', category: 'referral_conversion' });
    assert.deepEqual(sent.conversation.origin, { type: 'referral_conversion' });
    assert.ok(Number(sent.conversation.expiration_timestamp) - Number(sent.timestamp) >= 72 * 3600 - 5);
  });
});
