import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startInboundHarness } from '../messages/testing';

// phone_number_quality_update names its number by display number only: two numbers of one WABA,
// the simulator's signed account webhooks (POST /_sim/webhooks), only the named channel changes.

let t: TestApp;
let api: HttpClient;
let h: Awaited<ReturnType<typeof startInboundHarness>>;
let second: { channelId: string; phoneNumberId: string };

type Channel = { qualityRating: string | null; messagingLimit: string | null; throughputMps: number };

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  h = await startInboundHarness(t, owner.client);
  const digits = `1555019${h.number.phoneNumberId.slice(-4)}`;
  const number = { ...h.number, phoneNumberId: `${h.number.phoneNumberId.slice(0, -5)}9${h.number.phoneNumberId.slice(-4)}`, displayPhoneNumber: digits, accessToken: `${h.number.accessToken}-2` };
  h.sim.engine.registerNumber(number);
  // Connected with Meta's formatted display number: matching compares digits only.
  const formatted = `+1 555-019-${digits.slice(-4)}`;
  const connected = await api.post('/api/v1/channels/whatsapp', { ...number, displayPhoneNumber: formatted, webhookUrl: undefined, verifyToken: `verify-${number.phoneNumberId}`, graphApiBaseUrl: h.sim.url });
  assert.equal(connected.status, 201, connected.text);
  second = { channelId: (connected.body as { id: string }).id, phoneNumberId: number.phoneNumberId };
});
after(async () => {
  await h.close();
  await t.close();
});

const channel = async (id: string) => (await api.get(`/api/v1/channels/${id}`)).body as Channel;

async function emit(body: Record<string, unknown>) {
  const r = await fetch(`${h.sim.url}/_sim/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ field: 'phone_number_quality_update', ...body }) });
  assert.equal(r.status, 202, await r.text());
  const envelopes = await h.take();
  assert.ok(envelopes.length >= 1);
  for (const e of envelopes) {
    assert.equal(JSON.parse(e.raw.toString()).entry[0].changes[0].value.metadata, undefined, 'an account field names no phone number id');
    assert.equal((await h.deliver(e)).status, 200);
  }
  await h.process();
}

test('a quality update changes only the channel whose display number it names', async () => {
  const firstBefore = await channel(h.channelId);
  await emit({ phoneNumberId: second.phoneNumberId, value: { event: 'DOWNGRADE', current_limit: 'TIER_250', old_limit: 'TIER_1K' } });
  assert.equal((await channel(second.channelId)).messagingLimit, 'TIER_250');
  assert.deepEqual(await channel(h.channelId), firstBefore, 'the other number of the WABA is untouched');

  await emit({ wabaId: h.number.wabaId, value: { display_phone_number: h.number.displayPhoneNumber, event: 'FLAGGED', current_limit: 'TIER_1K' } });
  const first = await channel(h.channelId);
  assert.deepEqual([first.qualityRating, first.messagingLimit], ['RED', 'TIER_1K']);
  assert.equal((await channel(second.channelId)).qualityRating, firstBefore.qualityRating);

  await emit({ phoneNumberId: second.phoneNumberId, value: { event: 'THROUGHPUT_UPGRADE', max_daily_conversations_per_business: 'TIER_UNLIMITED' } });
  const upgraded = await channel(second.channelId);
  assert.deepEqual([upgraded.throughputMps, upgraded.messagingLimit], [1000, 'TIER_UNLIMITED']);
  assert.notEqual((await channel(h.channelId)).throughputMps, 1000);
});

test('a display number of no channel, or none with several channels, changes nothing', async () => {
  const before = [await channel(h.channelId), await channel(second.channelId)];
  await emit({ wabaId: h.number.wabaId, value: { display_phone_number: '15550000000', event: 'FLAGGED', current_limit: 'TIER_50' } });
  await emit({ wabaId: h.number.wabaId, value: { event: 'FLAGGED', current_limit: 'TIER_50' } });
  assert.deepEqual([await channel(h.channelId), await channel(second.channelId)], before);
});
