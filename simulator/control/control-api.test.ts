import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, textTo, CUSTOMER, type Harness } from '../test-support/harness';

let h: Harness;
const messages = () => `/v24.0/${h.number.phoneNumberId}/messages`;

before(async () => {
  h = await startHarness();
  await h.inbound({ type: 'text', text: { body: 'hi' } });
});
after(() => h.close());

test('control bodies are validated with clear 400s', async () => {
  const res = await h.control('POST', '/_sim/numbers', { phoneNumberId: '1', wabaId: '2', displayPhoneNumber: 'x', accessToken: 'short', appSecret: 'secret-123', webhookUrl: 'not a url' });
  assert.equal(res.status, 400);
  assert.equal(res.json.error.code, 'validation_failed');
  const paths = res.json.error.details.issues.map((i: { path: string }) => i.path).sort();
  assert.deepEqual(paths, ['accessToken', 'displayPhoneNumber', 'webhookUrl']);
  assert.equal((await h.control('POST', '/_sim/clock', { advanceSeconds: -5 })).status, 400);
  assert.equal((await h.control('POST', '/_sim/faults', { phoneNumberId: h.number.phoneNumberId })).status, 400);
  assert.equal((await h.control('PATCH', `/_sim/numbers/${h.number.phoneNumberId}`, {})).status, 400);
  assert.equal((await h.control('POST', '/_sim/inbound', { phoneNumberId: h.number.phoneNumberId, from: CUSTOMER, type: 'text' })).status, 400);
  assert.equal((await h.control('PATCH', '/_sim/numbers/unknown', { throughputMps: 5 })).status, 404);
  const malformed = await fetch(`${h.sim.url}/_sim/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
  assert.equal(malformed.status, 400);
});

test('a sync fault fails the next sends with the Graph envelope, then sends succeed again', async () => {
  const armed = await h.control('POST', '/_sim/faults', { phoneNumberId: h.number.phoneNumberId, code: 131000, count: 2 });
  assert.equal(armed.status, 201);
  for (let i = 0; i < 2; i++) {
    const res = await h.graph('POST', messages(), textTo(CUSTOMER));
    assert.equal(res.status, 500);
    assert.equal(res.json.error.message, '(#131000) Something went wrong');
  }
  assert.equal((await h.graph('POST', messages(), textTo(CUSTOMER))).status, 200);
  await h.control('POST', '/_sim/faults', { phoneNumberId: h.number.phoneNumberId, code: 133004, count: 1 });
  assert.equal((await h.graph('POST', messages(), textTo(CUSTOMER))).status, 503);
});

test('an async fault is accepted, then reported by a failed status (as Meta does for 131026)', async () => {
  await h.control('POST', '/_sim/faults', { phoneNumberId: h.number.phoneNumberId, code: 131026, count: 1 });
  const res = await h.graph('POST', messages(), textTo(CUSTOMER));
  assert.equal(res.status, 200);
  const wamid = res.json.messages[0].id;
  const failed = await h.receiver.waitFor(() => h.receiver.statuses().find((s) => s.id === wamid));
  assert.equal(failed.status, 'failed');
  assert.equal(failed.errors[0].code, 131026);
  // The delivery mode can be forced either way.
  await h.control('POST', '/_sim/faults', { phoneNumberId: h.number.phoneNumberId, code: 131026, count: 1, delivery: 'sync' });
  assert.equal((await h.graph('POST', messages(), textTo(CUSTOMER))).json.error.code, 131026);
});

test('GET /_sim/sent lists accepted sends with bodies and counts per recipient', async () => {
  const other = '447700900123';
  await h.graph('POST', messages(), textTo(other, 'first'));
  await h.graph('POST', messages(), textTo(`+${other}`, 'second'));
  const all = await h.control('GET', `/_sim/sent?phoneNumberId=${h.number.phoneNumberId}`);
  assert.equal(all.json.countsByRecipient[other], 2);
  assert.ok(all.json.countsByRecipient[CUSTOMER] >= 2);
  const one = await h.control('GET', `/_sim/sent?phoneNumberId=${h.number.phoneNumberId}&to=%2B${other}`);
  assert.deepEqual(one.json.countsByRecipient, { [other]: 2 });
  assert.deepEqual(one.json.sent.map((s: { body: { text: { body: string } } }) => s.body.text.body), ['first', 'second']);
  assert.match(one.json.sent[0].wamid, /^wamid\./);
  assert.equal(one.json.sent[0].failedWithCode, 131047);
});

test('POST /_sim/webhooks emits account fields with time and object last, number fields with metadata', async () => {
  const before = h.receiver.received.length;
  await h.control('POST', '/_sim/webhooks', { wabaId: h.number.wabaId, field: 'account_update', value: { event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SCAM' } } });
  await h.control('POST', '/_sim/webhooks', {
    phoneNumberId: h.number.phoneNumberId, field: 'user_preferences',
    value: { contacts: [{ profile: { name: 'Kerry' }, wa_id: CUSTOMER }], user_preferences: [{ wa_id: CUSTOMER, detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: 1731705721 }] },
  });
  await h.control('POST', '/_sim/webhooks', { phoneNumberId: h.number.phoneNumberId, field: 'phone_number_quality_update', value: { event: 'THROUGHPUT_UPGRADE', max_daily_conversations_per_business: 'TIER_UNLIMITED' } });
  const byField = (field: string) => h.receiver.received.slice(before).find((r) => r.json.entry[0].changes[0].field === field);
  const fields = ['account_update', 'user_preferences', 'phone_number_quality_update'];
  const [account, prefs, quality] = await h.receiver.waitFor(() => fields.every(byField) && fields.map(byField));
  assert.deepEqual(Object.keys(account!.json), ['entry', 'object']);
  assert.equal(typeof account!.json.entry[0].time, 'number');
  assert.equal(account!.json.entry[0].changes[0].value.event, 'ACCOUNT_VIOLATION');
  assert.deepEqual(Object.keys(prefs!.json), ['object', 'entry']);
  assert.deepEqual(prefs!.json.entry[0].changes[0].value.metadata, { display_phone_number: '15550783881', phone_number_id: h.number.phoneNumberId });
  assert.equal(prefs!.json.entry[0].changes[0].field, 'user_preferences');
  assert.equal(quality!.json.entry[0].changes[0].value.display_phone_number, '15550783881');
});

test('the number is described with its phone key; PATCH changes quality and limit', async () => {
  const res = await h.control('PATCH', `/_sim/numbers/${h.number.phoneNumberId}`, { qualityRating: 'YELLOW', messagingLimit: 'TIER_10K' });
  assert.equal(res.json.number.qualityRating, 'YELLOW');
  assert.equal(typeof res.json.number.phoneKey, 'string');
  assert.equal(res.json.number.accessToken, undefined);
  assert.equal(res.json.number.appSecret, undefined);
  const v24 = await h.graph('GET', `/v24.0/${h.number.phoneNumberId}?fields=quality_rating,whatsapp_business_manager_messaging_limit,throughput`);
  assert.deepEqual(v24.json, { quality_rating: 'YELLOW', throughput: { level: 'STANDARD' }, whatsapp_business_manager_messaging_limit: 'TIER_10K', id: h.number.phoneNumberId });
  const v23 = await h.graph('GET', `/v23.0/${h.number.phoneNumberId}`);
  assert.equal(v23.json.messaging_limit_tier, 'TIER_10K');
  const list = await h.graph('GET', `/v24.0/${h.number.wabaId}/phone_numbers`);
  assert.equal(list.json.data[0].display_phone_number, '+1 555-078-3881');
});

test('webhook verification handshake runs against the endpoint', async () => {
  const res = await h.control('POST', `/_sim/numbers/${h.number.phoneNumberId}/verify-webhook`);
  assert.equal(res.json.verified, false);
  assert.equal(res.json.statusCode, 403);
});
