import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, CUSTOMER, type Harness } from '../../test-support/harness';

let h: Harness;
const templatesPath = () => `/v24.0/${h.number.wabaId}/message_templates`;
const messages = () => `/v24.0/${h.number.phoneNumberId}/messages`;

const ORDER_UPDATE = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#4821'] } },
    { type: 'BODY', text: 'Hi {{1}}, your order ships on {{2}}.', example: { body_text: [['Pablo', 'Monday']] } },
    { type: 'FOOTER', text: 'Lucky Shrub' },
    { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Track' }, { type: 'URL', text: 'Open', url: 'https://shop.example/o/{{1}}', example: ['4821'] }] },
  ],
};

const accountHooks = (field: string) => h.receiver.received.filter((r) => r.json.entry[0].changes[0].field === field);

function sendTemplate(components: unknown[], name = 'order_update') {
  return h.graph('POST', messages(), { messaging_product: 'whatsapp', to: CUSTOMER, type: 'template', template: { name, language: { code: 'en_US' }, components } });
}

const goodComponents = [
  { type: 'header', parameters: [{ type: 'text', text: '#4821' }] },
  { type: 'body', parameters: [{ type: 'text', text: 'Pablo' }, { type: 'date_time', date_time: { fallback_value: 'Monday' } }] },
  { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'TRACK_4821' }] },
  { type: 'button', sub_type: 'url', index: 1, parameters: [{ type: 'text', text: '4821' }] },
];

let templateId = '';

before(async () => {
  h = await startHarness();
  const created = await h.graph('POST', templatesPath(), ORDER_UPDATE);
  assert.deepEqual(created.json, { id: created.json.id, status: 'PENDING', category: 'UTILITY' });
  templateId = created.json.id;
});
after(() => h.close());

test('a created template is approved after review, with a Meta-shaped status webhook', async () => {
  const hook = await h.receiver.waitFor(() => accountHooks('message_template_status_update')[0]);
  const raw = hook.raw.toString();
  assert.ok(raw.indexOf('"entry"') < raw.indexOf('"object"'), 'object comes after entry');
  const entry = hook.json.entry[0];
  assert.equal(entry.id, h.number.wabaId);
  assert.equal(typeof entry.time, 'number');
  assert.deepEqual(entry.changes[0].value, {
    event: 'APPROVED', message_template_id: Number(templateId), message_template_name: 'order_update',
    message_template_language: 'en_US', reason: 'NONE', message_template_category: 'UTILITY',
  });
  assert.equal(entry.changes[0].value.messaging_product, undefined);
  const listed = await h.graph('GET', `${templatesPath()}?status=APPROVED&fields=name,status`);
  assert.deepEqual(listed.json.data, [{ name: 'order_update', status: 'APPROVED', id: templateId }]);
});

test('a matching send is accepted; the phone sees the filled template', async () => {
  const res = await sendTemplate(goodComponents);
  assert.equal(res.status, 200, JSON.stringify(res.json));
  assert.equal(res.json.messages[0].message_status, undefined);
  const chat = await h.control('GET', `/_sim/phone/${h.number.phoneNumberId}/chats/${CUSTOMER}`);
  const rendered = chat.json.items.at(-1).rendered;
  assert.equal(rendered.header.text, 'Order #4821');
  assert.equal(rendered.body, 'Hi Pablo, your order ships on Monday.');
  assert.deepEqual(rendered.buttons, [{ type: 'QUICK_REPLY', text: 'Track', payload: 'TRACK_4821' }, { type: 'URL', text: 'Open', url: 'https://shop.example/o/4821' }]);
});

test('template errors: 132001 (404), 132000, 132012, 132018', async () => {
  const unknown = await sendTemplate([], 'nope');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json.error.code, 132001);
  const fewer = await sendTemplate([goodComponents[0], { type: 'body', parameters: [{ type: 'text', text: 'Pablo' }] }, goodComponents[3]]);
  assert.equal(fewer.json.error.code, 132000);
  const noUrlSuffix = await sendTemplate(goodComponents.slice(0, 2));
  assert.equal(noUrlSuffix.json.error.code, 132000);
  const wrongKind = await sendTemplate([{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://x.io/a.jpg' } }] }, ...goodComponents.slice(1)]);
  assert.equal(wrongKind.json.error.code, 132012);
  const newline = await sendTemplate([goodComponents[0], { type: 'body', parameters: [{ type: 'text', text: 'a\nb' }, { type: 'text', text: 'x' }] }, goodComponents[3]]);
  assert.equal(newline.json.error.code, 132018);
});

test('paused → 132015 with a FIRST_PAUSE webhook; disabled → 132016; quality and category webhooks', async () => {
  await h.control('POST', `/_sim/templates/${templateId}`, { status: 'PAUSED', quality: 'RED' });
  assert.equal((await sendTemplate(goodComponents)).json.error.code, 132015);
  const paused = await h.receiver.waitFor(() => accountHooks('message_template_status_update').find((r) => r.json.entry[0].changes[0].value.event === 'PAUSED'));
  assert.equal(paused.json.entry[0].changes[0].value.other_info.title, 'FIRST_PAUSE');
  const quality = await h.receiver.waitFor(() => accountHooks('message_template_quality_update')[0]);
  assert.deepEqual(quality.json.entry[0].changes[0].value, {
    previous_quality_score: 'UNKNOWN', new_quality_score: 'RED', message_template_id: Number(templateId),
    message_template_name: 'order_update', message_template_language: 'en_US',
  });
  await h.control('POST', `/_sim/templates/${templateId}`, { status: 'DISABLED' });
  assert.equal((await sendTemplate(goodComponents)).json.error.code, 132016);
  await h.control('POST', `/_sim/templates/${templateId}`, { status: 'APPROVED', category: 'MARKETING' });
  const category = await h.receiver.waitFor(() => accountHooks('template_category_update')[0]);
  assert.equal(category.json.entry[0].changes[0].value.new_category, 'MARKETING');
});

test('paced templates are held for quality assessment, then delivered', async () => {
  await h.control('POST', `/_sim/templates/${templateId}`, { pacing: true });
  const res = await sendTemplate(goodComponents);
  assert.equal(res.json.messages[0].message_status, 'held_for_quality_assessment');
  const wamid = res.json.messages[0].id;
  const sent = await h.receiver.waitFor(() => h.receiver.statuses().find((s) => s.id === wamid && s.status === 'sent'));
  assert.deepEqual(sent.pricing, { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' });
  await h.control('POST', `/_sim/templates/${templateId}`, { pacing: false });
});

test('creation is validated; names are unique per language; delete removes them', async () => {
  const bad = await h.graph('POST', templatesPath(), { name: 'Bad Name', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'x' }] });
  assert.equal(bad.json.error.code, 100);
  const noExample = await h.graph('POST', templatesPath(), { name: 'no_example', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}} there' }] });
  assert.equal(noExample.json.error.code, 100);
  const longFooter = await h.graph('POST', templatesPath(), { ...ORDER_UPDATE, name: 'long_footer', components: [{ type: 'BODY', text: 'x' }, { type: 'FOOTER', text: 'f'.repeat(61) }] });
  assert.equal(longFooter.json.error.error_subcode, 2388040);
  const dup = await h.graph('POST', templatesPath(), ORDER_UPDATE);
  assert.equal(dup.json.error.error_subcode, 2388024);
  assert.deepEqual((await h.graph('DELETE', `${templatesPath()}?name=order_update`)).json, { success: true });
  assert.equal((await sendTemplate(goodComponents)).json.error.code, 132001);
});
