import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, textTo, CUSTOMER, type Harness } from '../test-support/harness';

let h: Harness;
const path = () => `/v24.0/${h.number.phoneNumberId}/messages`;

before(async () => {
  h = await startHarness();
  await h.graph('POST', `/v24.0/${h.number.wabaId}/message_templates`, {
    name: 'order_update', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your order shipped.' }],
  });
  await h.receiver.waitFor(() => h.receiver.received.some((r) => r.json.entry[0].changes[0].field === 'message_template_status_update'));
});
after(() => h.close());

const statusesOf = (wamid: string) => h.receiver.statuses().filter((s) => s.id === wamid);

test('free-form outside the window: 200 with a wamid, then a failed status with 131047', async () => {
  const res = await h.graph('POST', path(), textTo(CUSTOMER, 'Are you there?'));
  assert.equal(res.status, 200);
  const wamid = res.json.messages[0].id;
  const [failed] = await h.receiver.waitFor(() => statusesOf(wamid).length > 0 && statusesOf(wamid));
  assert.equal(failed.status, 'failed');
  assert.equal(failed.recipient_id, CUSTOMER);
  assert.deepEqual(Object.keys(failed.errors[0]), ['code', 'title', 'message', 'error_data', 'href']);
  assert.equal(failed.errors[0].code, 131047);
  assert.equal(failed.errors[0].title, 'Re-engagement message');
  assert.match(failed.errors[0].error_data.details, /24 hours/);
  await h.sim.engine.idle();
  assert.deepEqual(statusesOf(wamid).map((s) => s.status), ['failed']);
});

test('a customer message opens the window; 24 h later it is closed again', async () => {
  await h.inbound({ type: 'text', text: { body: 'Hello!' } });
  const inside = (await h.graph('POST', path(), textTo(CUSTOMER, 'Hi Kerry'))).json.messages[0].id;
  await h.receiver.waitFor(() => statusesOf(inside).some((s) => s.status === 'read'));
  assert.ok(!statusesOf(inside).some((s) => s.status === 'failed'));

  await h.control('POST', '/_sim/clock', { advanceSeconds: 24 * 3600 + 1 });
  const outside = (await h.graph('POST', path(), textTo(CUSTOMER, 'Still there?'))).json.messages[0].id;
  const [failed] = await h.receiver.waitFor(() => statusesOf(outside).length > 0 && statusesOf(outside));
  assert.equal(failed.errors[0].code, 131047);
});

test('templates go out whatever the window', async () => {
  const res = await h.graph('POST', path(), { messaging_product: 'whatsapp', to: CUSTOMER, type: 'template', template: { name: 'order_update', language: { code: 'en_US' } } });
  assert.equal(res.status, 200);
  const wamid = res.json.messages[0].id;
  const sent = await h.receiver.waitFor(() => statusesOf(wamid).find((s) => s.status === 'sent'));
  assert.deepEqual(sent.pricing, { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' });
});
