import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, textTo, CUSTOMER, type Harness } from '../test-support/harness';

const ADMIN = 'admin-token-for-tests';
let h: Harness;
let phoneKey = '';

before(async () => {
  h = await startHarness({ guarded: true, adminToken: ADMIN });
  phoneKey = (await h.control('GET', `/_sim/numbers/${h.number.phoneNumberId}`)).json.number.phoneKey;
});
after(() => h.close());

const none = {};
const wrongAdmin = { authorization: 'Bearer not-the-admin' };

test('routes that affect everything need the admin token: 401 without, 403 with a wrong one', async () => {
  const calls: Array<[string, string, unknown]> = [
    ['POST', '/_sim/numbers', { ...h.number, phoneNumberId: 'x1' }],
    ['PATCH', `/_sim/numbers/${h.number.phoneNumberId}`, { throughputMps: 1 }],
    ['POST', '/_sim/clock', { advanceSeconds: 1 }],
    ['POST', '/_sim/faults', { phoneNumberId: h.number.phoneNumberId, code: 131000, count: 1 }],
    ['POST', '/_sim/webhooks', { wabaId: h.number.wabaId, field: 'account_update', value: {} }],
    ['GET', '/_sim/sent', undefined],
    ['GET', '/_sim/numbers', undefined],
  ];
  for (const [method, path, body] of calls) {
    const anonymous = await h.control(method, path, body, none);
    assert.equal(anonymous.status, 401, `${method} ${path}`);
    assert.equal(anonymous.json.error.code, 'unauthenticated');
    assert.equal((await h.control(method, path, body, wrongAdmin)).status, 403, `${method} ${path}`);
  }
  assert.equal((await h.control('POST', '/_sim/clock', { advanceSeconds: 1 })).status, 200);
});

test("a number's phone routes need its phoneKey (or the admin token)", async () => {
  const base = `/_sim/phone/${h.number.phoneNumberId}`;
  assert.equal((await h.control('GET', base, undefined, none)).status, 401);
  assert.equal((await h.control('GET', base, undefined, { 'x-sim-phone-key': 'wrong-key-0123456789' })).status, 403);
  const ok = await h.control('GET', base, undefined, { 'x-sim-phone-key': phoneKey });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json.customers.map((c: { waId: string }) => c.waId), [CUSTOMER]);
  assert.equal((await h.control('GET', `${base}/chats/${CUSTOMER}?key=${phoneKey}`, undefined, none)).status, 200);
  // A key opens only its own number, and unknown numbers answer the same as wrong keys.
  assert.equal((await h.control('GET', '/_sim/phone/someone-else', undefined, { 'x-sim-phone-key': phoneKey })).status, 403);
});

test('customers act with the phone key; the key does not open admin routes', async () => {
  const inbound = { phoneNumberId: h.number.phoneNumberId, from: CUSTOMER, type: 'text', text: { body: 'from the phone page' } };
  assert.equal((await h.control('POST', '/_sim/inbound', inbound, none)).status, 401);
  const res = await h.control('POST', '/_sim/inbound', inbound, { 'x-sim-phone-key': phoneKey });
  assert.equal(res.status, 200);
  assert.match(res.json.wamid, /^wamid\./);
  assert.equal((await h.control('POST', '/_sim/clock', { advanceSeconds: 1 }, { 'x-sim-phone-key': phoneKey })).status, 401);
});

test('the Graph API keeps its own per-number token auth', async () => {
  assert.equal((await h.graph('POST', `/v24.0/${h.number.phoneNumberId}/messages`, textTo(CUSTOMER))).status, 200);
  assert.equal((await h.graph('POST', `/v24.0/${h.number.phoneNumberId}/messages`, textTo(CUSTOMER), ADMIN)).status, 401);
});

test('a product can re-register a number with its stored phone key after a restart', async () => {
  const again = await h.control('POST', '/_sim/numbers', { ...h.number, phoneKey: 'restored-phone-key-123456' });
  assert.equal(again.status, 200);
  assert.equal(again.json.number.phoneKey, 'restored-phone-key-123456');
  assert.equal((await h.control('GET', `/_sim/phone/${h.number.phoneNumberId}`, undefined, { 'x-sim-phone-key': 'restored-phone-key-123456' })).status, 200);
});
