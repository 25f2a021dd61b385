import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, textTo, CUSTOMER, type Harness } from '../test-support/harness';

let h: Harness;
const path = () => `/v24.0/${h.number.phoneNumberId}/messages`;
const recipient = (i: number) => String(14155550000 + i);

before(async () => {
  h = await startHarness({}, { throughputMps: 20 });
});
after(() => h.close());


test('throughput: a burst beyond the configured mps is refused with 130429', async () => {
  const started = Date.now();
  const results = await Promise.all(Array.from({ length: 40 }, (_, i) => h.graph('POST', path(), textTo(recipient(i)))));
  const elapsedMs = Date.now() - started;
  const accepted = results.filter((r) => r.status === 200).length;
  const refused = results.filter((r) => r.status === 400);
  // A full bucket (20) plus what refilled while the burst was in flight (20 per second).
  assert.ok(accepted >= 20 && accepted <= 20 + Math.ceil(elapsedMs / 50), `accepted ${accepted} in ${elapsedMs} ms`);
  assert.equal(refused.length, 40 - accepted);
  for (const r of refused) {
    assert.equal(r.json.error.code, 130429);
    assert.equal(r.json.error.message, '(#130429) Rate limit hit');
  }
});

test('throughput: a sender pacing at exactly the rate is never refused', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1_100)); // let the bucket refill
  const start = Date.now();
  for (let i = 0; i < 30; i++) {
    const wait = start + i * 50 - Date.now(); // 20 per second
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const res = await h.graph('POST', path(), textTo(recipient(100 + i)));
    assert.equal(res.status, 200, `send ${i}: ${JSON.stringify(res.json)}`);
  }
});

test('throughput is configurable: PATCH to 1000 mps lets a 100-message burst through', async () => {
  const patched = await h.control('PATCH', `/_sim/numbers/${h.number.phoneNumberId}`, { throughputMps: 1000 });
  assert.equal(patched.json.number.throughputMps, 1000);
  const info = await h.graph('GET', `/v24.0/${h.number.phoneNumberId}`);
  assert.deepEqual(info.json.throughput, { level: 'HIGH' });
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => h.graph('POST', path(), textTo(recipient(200 + i)))));
  assert.ok(results.every((r) => r.status === 200));
});

test('pair rate: 45 messages to one user pass, the 46th gets 131056, other users are unaffected', async () => {
  const burst = await Promise.all(Array.from({ length: 46 }, () => h.graph('POST', path(), textTo(CUSTOMER))));
  assert.equal(burst.filter((r) => r.status === 200).length, 45);
  const refused = burst.find((r) => r.status !== 200)!;
  assert.equal(refused.status, 400);
  assert.equal(refused.json.error.code, 131056);
  assert.equal((await h.graph('POST', path(), textTo(recipient(999)))).status, 200);
  // The borrowed quota comes back at 1 message per 6 seconds of the simulator's clock.
  await h.control('POST', '/_sim/clock', { advanceSeconds: 6 });
  assert.equal((await h.graph('POST', path(), textTo(CUSTOMER))).status, 200);
  assert.equal((await h.graph('POST', path(), textTo(CUSTOMER))).json.error.code, 131056);
});

test('management calls count against the WABA quota (80007)', async () => {
  const q = await startHarness({ wabaCallsPerHour: 3 });
  try {
    for (let i = 0; i < 3; i++) assert.equal((await q.graph('GET', `/v24.0/${q.number.wabaId}/message_templates`)).status, 200);
    const over = await q.graph('GET', `/v24.0/${q.number.phoneNumberId}`);
    assert.equal(over.status, 400);
    assert.equal(over.json.error.code, 80007);
    assert.equal((await q.graph('POST', `/v24.0/${q.number.phoneNumberId}/messages`, textTo(CUSTOMER))).status, 200, 'sends are not counted');
  } finally {
    await q.close();
  }
});
