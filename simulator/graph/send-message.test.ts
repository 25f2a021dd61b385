import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, textTo, CUSTOMER, type Harness } from '../test-support/harness';
import type { Json } from '../test-support/json';

let h: Harness;
const path = () => `/v24.0/${h.number.phoneNumberId}/messages`;

before(async () => {
  h = await startHarness();
  await h.inbound({ type: 'text', text: { body: 'hi' } });
});
after(() => h.close());

function assertGraphError(res: { status: number; json: Json }, httpStatus: number, code: number) {
  assert.equal(res.status, httpStatus, JSON.stringify(res.json));
  const e = res.json.error;
  assert.deepEqual(Object.keys(e), ['message', 'type', 'code', 'error_data', ...(e.error_subcode ? ['error_subcode'] : []), 'fbtrace_id']);
  assert.equal(e.code, code);
  assert.equal(e.type, 'OAuthException');
  assert.match(e.message, new RegExp(`^\\(#${code}\\) \\S`));
  assert.equal(e.error_data.messaging_product, 'whatsapp');
  assert.equal(typeof e.error_data.details, 'string');
  assert.match(e.fbtrace_id, /^A[A-Za-z0-9_-]{22}$/);
}

test('an accepted send answers contacts[{input, wa_id}] and a Meta-shaped wamid', async () => {
  const res = await h.graph('POST', path(), textTo('+1 (631) 555-1181'));
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.json), ['messaging_product', 'contacts', 'messages']);
  assert.deepEqual(res.json.contacts, [{ input: '+1 (631) 555-1181', wa_id: CUSTOMER }]);
  const id: string = res.json.messages[0].id;
  assert.match(id, /^wamid\.HBgL/);
  const decoded = Buffer.from(id.slice('wamid.'.length), 'base64').toString('latin1');
  assert.match(decoded, new RegExp(`^\\x1c\\x18\\x0b${CUSTOMER}\\x15\\x02\\x00\\x11\\x18\\x12[0-9A-F]{18}\\x00$`));
});

test('the version prefix is optional and any version is accepted', async () => {
  for (const p of [`/${h.number.phoneNumberId}/messages`, `/v19.0/${h.number.phoneNumberId}/messages`]) {
    assert.equal((await h.graph('POST', p, textTo(CUSTOMER))).status, 200);
  }
});

test('missing or unknown tokens get 190 with HTTP 401', async () => {
  assertGraphError(await h.graph('POST', path(), textTo(CUSTOMER), null), 401, 190);
  assertGraphError(await h.graph('POST', path(), textTo(CUSTOMER), 'not-a-token'), 401, 190);
});

test('a node the token may not see is "does not exist" (100, subcode 33)', async () => {
  const res = await h.graph('POST', '/v24.0/999999/messages', textTo(CUSTOMER));
  assertGraphError(res, 400, 100);
  assert.equal(res.json.error.error_subcode, 33);
});

test('body validation answers Meta codes and statuses', async () => {
  const cases: Array<[Record<string, unknown>, number]> = [
    [{ to: CUSTOMER, type: 'text', text: { body: 'x' } }, 100],
    [{ messaging_product: 'sms', to: CUSTOMER, text: { body: 'x' } }, 100],
    [{ messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, 131008],
    [{ messaging_product: 'whatsapp', to: 'not-a-phone', type: 'text', text: { body: 'x' } }, 131009],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'fax', fax: {} }, 131051],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'text' }, 131008],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'text', text: { body: 'x'.repeat(4097) } }, 100],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'image', image: { id: '1', link: 'https://x.io/a.jpg' } }, 100],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'image', image: { link: 'ftp://x.io/a.jpg' } }, 131009],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'audio', audio: { link: 'https://x.io/a.ogg', caption: 'no' } }, 100],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'location', location: { latitude: '95', longitude: '1' } }, 131009],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'contacts', contacts: [{ name: {} }] }, 131008],
    [{ messaging_product: 'whatsapp', to: CUSTOMER, type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' }, context: { message_id: 'wamid.y' } }, 131009],
  ];
  for (const [body, code] of cases) assertGraphError(await h.graph('POST', path(), body), 400, code);
});

test('interactive limits of reference §2.3 are enforced', async () => {
  const buttons = (titles: string[]) => ({
    messaging_product: 'whatsapp', to: CUSTOMER, type: 'interactive',
    interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons: titles.map((t, i) => ({ type: 'reply', reply: { id: `b${i}`, title: t } })) } },
  });
  assert.equal((await h.graph('POST', path(), buttons(['Yes', 'No']))).status, 200);
  assertGraphError(await h.graph('POST', path(), buttons(['a', 'b', 'c', 'd'])), 400, 100);
  assertGraphError(await h.graph('POST', path(), buttons(['x'.repeat(21)])), 400, 100);
  assertGraphError(await h.graph('POST', path(), buttons(['Same', 'Same'])), 400, 131009);
  const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
  const list = { messaging_product: 'whatsapp', to: CUSTOMER, type: 'interactive', interactive: { type: 'list', body: { text: 'b' }, action: { button: 'Open', sections: [{ title: 'S', rows: rows.slice(0, 6) }, { title: 'T', rows: rows.slice(6) }] } } };
  assertGraphError(await h.graph('POST', path(), list), 400, 131009);
  const cta = { messaging_product: 'whatsapp', to: CUSTOMER, type: 'interactive', interactive: { type: 'cta_url', body: { text: 'b' }, action: { name: 'cta_url', parameters: { display_text: 'See', url: 'https://x.io' } } } };
  assert.equal((await h.graph('POST', path(), cta)).status, 200);
});

test('malformed JSON is a Graph 100 error', async () => {
  const res = await fetch(`${h.sim.url}${path()}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${h.number.accessToken}` }, body: '{"messaging_product":' });
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as Json).error.code, 100);
});

test('mark as read and typing indicator answer success; unknown wamids 131009', async () => {
  const { json } = await h.inbound({ type: 'text', text: { body: 'read me' } });
  const read = await h.graph('POST', path(), { messaging_product: 'whatsapp', status: 'read', message_id: json.wamid });
  assert.deepEqual(read.json, { success: true });
  const typing = await h.graph('POST', path(), { messaging_product: 'whatsapp', status: 'read', message_id: json.wamid, typing_indicator: { type: 'text' } });
  assert.deepEqual(typing.json, { success: true });
  assertGraphError(await h.graph('POST', path(), { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.unknown' }), 400, 131009);
});

test('sending to the business number itself is 131021', async () => {
  assertGraphError(await h.graph('POST', path(), textTo('15550783881')), 400, 131021);
});

test('Mexican numbers come back with the canonical wa_id', async () => {
  const res = await h.graph('POST', path(), { messaging_product: 'whatsapp', to: '+52 55 1234 5678', type: 'template', template: { name: 'missing', language: { code: 'en_US' } } });
  assertGraphError(res, 404, 132001);
  const contact = await h.graph('POST', path(), textTo('+52 55 1234 5678'));
  assert.deepEqual(contact.json.contacts, [{ input: '+52 55 1234 5678', wa_id: '5215512345678' }]);
});
