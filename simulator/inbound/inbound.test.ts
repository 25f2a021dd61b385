import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, CUSTOMER, type Harness } from '../test-support/harness';
import type { Json } from '../test-support/json';

let h: Harness;

before(async () => {
  h = await startHarness();
});
after(() => h.close());

/** Injects one customer message and returns the webhook value that carried it. */
async function deliver(body: Record<string, unknown>) {
  const { status, json } = await h.inbound(body);
  assert.equal(status, 200, JSON.stringify(json));
  const hook = await h.receiver.waitFor(() => h.receiver.received.find((r) => r.json.entry[0].changes.some((c: Json) => c.value.messages?.some((m: Json) => m.id === json.wamid))));
  const value = hook.json.entry[0].changes.find((c: Json) => c.value.messages).value;
  return { value, message: value.messages.find((m: { id: string }) => m.id === json.wamid), wamid: json.wamid as string };
}

test('a text message arrives in the messages envelope with the sender contact', async () => {
  const { value, message, wamid } = await deliver({ type: 'text', profileName: 'Kerry Fisher', text: { body: 'Hi' } });
  assert.match(wamid, /^wamid\.HBgL[A-Za-z0-9+/]+=*$/);
  // ... 12 18 14 "3A" + 18 upper-case hex chars, then 00.
  assert.match(Buffer.from(wamid.slice(6), 'base64').toString('hex'), /1218143341(3[0-9]|4[1-6]){18}00$/);
  assert.deepEqual(value.metadata, { display_phone_number: '15550783881', phone_number_id: h.number.phoneNumberId });
  assert.deepEqual(value.contacts, [{ profile: { name: 'Kerry Fisher' }, wa_id: CUSTOMER }]);
  assert.deepEqual(message, { from: CUSTOMER, id: wamid, timestamp: message.timestamp, type: 'text', text: { body: 'Hi' } });
  assert.match(message.timestamp, /^\d+$/);
});

test('media, location, contacts, order and stickers carry Meta fields', async () => {
  const audio = (await deliver({ type: 'audio', audio: { voice: true } })).message.audio;
  assert.equal(audio.mime_type, 'audio/ogg; codecs=opus');
  assert.equal(audio.voice, true);
  const doc = (await deliver({ type: 'document', document: { filename: 'invoice.pdf', caption: 'Invoice' } })).message.document;
  assert.deepEqual(Object.keys(doc), ['caption', 'filename', 'mime_type', 'sha256', 'id', 'url']);
  const sticker = (await deliver({ type: 'sticker', sticker: { animated: true } })).message.sticker;
  assert.equal(sticker.mime_type, 'image/webp');
  assert.equal(sticker.animated, true);
  const location = (await deliver({ type: 'location', location: { latitude: 37.48, longitude: -122.14, name: 'Shop' } })).message.location;
  assert.deepEqual(location, { latitude: 37.48, longitude: -122.14, name: 'Shop' });
  const contacts = (await deliver({ type: 'contacts', contacts: [{ name: { formatted_name: 'Ana', first_name: 'Ana' }, phones: [{ phone: '+1 555 0100', type: 'CELL' }] }] })).message.contacts;
  assert.equal(contacts[0].name.formatted_name, 'Ana');
  const order = (await deliver({ type: 'order', order: { catalog_id: 'c1', product_items: [{ product_retailer_id: 'sku1', quantity: 2, item_price: 9.5, currency: 'USD' }] } })).message.order;
  assert.equal(order.product_items[0].quantity, 2);
});

test('replies: interactive button/list/flow replies and template button taps carry context', async () => {
  const quoted = 'wamid.HBgLMTYzMTU1NTExODEVAgARGBJGNzM0RDhBQkRBODk1RTZDRjkA';
  const button = (await deliver({ type: 'interactive', context: { id: quoted }, interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } } })).message;
  assert.deepEqual(Object.keys(button)[0], 'context');
  assert.deepEqual(button.context, { from: '15550783881', id: quoted });
  assert.deepEqual(button.interactive, { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } });
  const list = (await deliver({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Express', description: 'Next day' } } })).message;
  assert.equal(list.interactive.list_reply.id, 'r1');
  const flow = (await deliver({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{"flow_token":"t"}' } } })).message;
  assert.deepEqual(flow.interactive.nfm_reply, { response_json: '{"flow_token":"t"}', body: 'Sent', name: 'flow' });
  const tap = (await deliver({ type: 'button', context: { id: quoted }, button: { payload: 'STOP', text: 'Stop promotions' } })).message;
  assert.deepEqual(tap.button, { payload: 'STOP', text: 'Stop promotions' });
  const forwarded = (await deliver({ type: 'text', context: { forwarded: true }, text: { body: 'fwd' } })).message;
  assert.deepEqual(forwarded.context, { forwarded: true });
});

test('reactions, including removal with an empty emoji', async () => {
  const r = (await deliver({ type: 'reaction', reaction: { message_id: 'wamid.abc', emoji: '❤️' } })).message;
  assert.deepEqual(r.reaction, { message_id: 'wamid.abc', emoji: '❤️' });
  const removed = (await deliver({ type: 'reaction', reaction: { message_id: 'wamid.abc', emoji: '' } })).message;
  assert.deepEqual(removed.reaction, { message_id: 'wamid.abc', emoji: '' });
  const omitted = (await deliver({ type: 'reaction', reaction: { message_id: 'wamid.abc' } })).message;
  assert.deepEqual(omitted.reaction, { message_id: 'wamid.abc' });
});

test('system, request_welcome, unsupported and legacy unknown messages', async () => {
  const welcome = await deliver({ type: 'request_welcome' });
  assert.equal(welcome.message.type, 'request_welcome');
  assert.equal(welcome.message.request_welcome, undefined);
  const unsupported = (await deliver({ type: 'unsupported', unsupported: { type: 'poll' } })).message;
  assert.deepEqual(unsupported.unsupported, { type: 'poll' });
  assert.deepEqual(unsupported.errors, [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }]);
  const unknown = (await deliver({ type: 'unknown' })).message;
  assert.deepEqual(unknown.errors, [{ code: 131051, details: 'Message type is not currently supported', title: 'Unsupported message type' }]);
  const changed = await deliver({ from: '447700900999', type: 'system', system: { type: 'user_changed_number', newWaId: '447700900111' } });
  assert.equal(changed.value.contacts, undefined);
  assert.equal(changed.message.system.type, 'user_changed_number');
  assert.equal(changed.message.system.wa_id, '447700900111');
});

test('referrals and explicit timestamps pass through', async () => {
  const referral = { source_url: 'https://fb.me/ad', source_id: '123', source_type: 'ad', headline: 'Sale', media_type: 'image', image_url: 'https://x.io/i.png', ctwa_clid: 'clid' };
  const m = (await deliver({ type: 'text', text: { body: 'From the ad' }, referral, timestamp: 1750000000 })).message;
  assert.deepEqual(m.referral, referral);
  assert.equal(m.timestamp, '1750000000');
});

test('BSUID customers: user_id / from_user_id, empty phone when hidden', async () => {
  const { value, message } = await deliver({ from: undefined, fromUserId: 'US.13491208655302741918', username: 'kerry', profileName: 'Kerry', type: 'text', text: { body: 'hey' } });
  assert.equal(message.from, '');
  assert.equal(message.from_user_id, 'US.13491208655302741918');
  assert.deepEqual(value.contacts, [{ profile: { name: 'Kerry', username: 'kerry' }, wa_id: '', user_id: 'US.13491208655302741918' }]);
  const res = await h.graph('POST', `/v24.0/${h.number.phoneNumberId}/messages`, { messaging_product: 'whatsapp', to: 'US.13491208655302741918', type: 'text', text: { body: 'hi' } });
  assert.deepEqual(res.json.contacts, [{ input: 'US.13491208655302741918', wa_id: '', user_id: 'US.13491208655302741918' }]);
  const sent = await h.receiver.waitFor(() => h.receiver.statuses().find((s) => s.id === res.json.messages[0].id && s.status === 'sent'));
  assert.equal(sent.recipient_id, '');
  assert.equal(sent.recipient_user_id, 'US.13491208655302741918');
});
