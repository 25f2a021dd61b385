import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startHarness, CUSTOMER, type Harness } from '../../test-support/harness';
import type { Json } from '../../test-support/json';

let h: Harness;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);

before(async () => {
  h = await startHarness();
});
after(() => h.close());

async function upload(data: Buffer, type: string, fields: Record<string, string> = { messaging_product: 'whatsapp' }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('type', type);
  form.set('file', new Blob([data], { type }), 'photo.jpg');
  const res = await fetch(`${h.sim.url}/v24.0/${h.number.phoneNumberId}/media`, { method: 'POST', headers: { authorization: `Bearer ${h.number.accessToken}` }, body: form });
  return { status: res.status, json: (await res.json()) as Json };
}

test('upload → id; GET /<media-id> → a 5-minute URL that needs the token', async () => {
  const up = await upload(JPEG, 'image/jpeg');
  assert.equal(up.status, 200);
  assert.match(up.json.id, /^\d{16}$/);
  const info = await h.graph('GET', `/v24.0/${up.json.id}`);
  assert.deepEqual(Object.keys(info.json), ['messaging_product', 'url', 'mime_type', 'sha256', 'file_size', 'id']);
  assert.equal(info.json.mime_type, 'image/jpeg');
  assert.equal(info.json.sha256, createHash('sha256').update(JPEG).digest('hex'));
  assert.equal(info.json.file_size, JPEG.length);
  assert.ok(info.json.url.startsWith(`${h.sim.url}/whatsapp_business/attachments/?mid=${up.json.id}`));

  const withToken = await fetch(info.json.url, { headers: { authorization: `Bearer ${h.number.accessToken}` } });
  assert.equal(withToken.status, 200);
  assert.equal(withToken.headers.get('content-type'), 'image/jpeg');
  assert.deepEqual(Buffer.from(await withToken.arrayBuffer()), JPEG);
  assert.equal((await fetch(info.json.url)).status, 401);
  assert.equal((await fetch(info.json.url, { headers: { authorization: 'Bearer wrong' } })).status, 401);

  await h.control('POST', '/_sim/clock', { advanceSeconds: 301 });
  assert.equal((await fetch(info.json.url, { headers: { authorization: `Bearer ${h.number.accessToken}` } })).status, 404);
  const fresh = await h.graph('GET', `/v24.0/${up.json.id}`);
  assert.equal((await fetch(fresh.json.url, { headers: { authorization: `Bearer ${h.number.accessToken}` } })).status, 200);
});

test('uploads are checked for type and size', async () => {
  const exe = await upload(Buffer.from('MZ'), 'application/x-msdownload');
  assert.equal(exe.status, 400);
  assert.equal(exe.json.error.code, 131053);
  const huge = await upload(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg');
  assert.equal(huge.json.error.code, 131053);
  const noProduct = await upload(JPEG, 'image/jpeg', {});
  assert.equal(noProduct.json.error.code, 100);
});

test('DELETE removes a medium; other tokens cannot see it', async () => {
  const { json } = await upload(JPEG, 'image/png');
  await h.control('POST', '/_sim/numbers', { ...h.number, phoneNumberId: 'other-number', accessToken: 'other-token-1', customers: [] });
  assert.equal((await h.graph('GET', `/v24.0/${json.id}`, undefined, 'other-token-1')).json.error.error_subcode, 33);
  assert.deepEqual((await h.graph('DELETE', `/v24.0/${json.id}`)).json, { success: true });
  assert.equal((await h.graph('GET', `/v24.0/${json.id}`)).json.error.code, 100);
});

test('sending an uploaded image works; an unknown or mismatched id fails asynchronously with 131053', async () => {
  await h.inbound({ type: 'text', text: { body: 'window' } });
  const { json } = await upload(JPEG, 'image/jpeg');
  const send = (image: Record<string, unknown>, type = 'image') => h.graph('POST', `/v24.0/${h.number.phoneNumberId}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, type, [type]: image });
  const good = (await send({ id: json.id, caption: 'Your receipt' })).json.messages[0].id;
  const unknown = (await send({ id: '123' })).json.messages[0].id;
  const mismatched = (await send({ id: json.id }, 'sticker')).json.messages[0].id;
  const statuses = () => h.receiver.statuses();
  await h.receiver.waitFor(() => statuses().some((s) => s.id === good && s.status === 'read') && statuses().filter((s) => s.status === 'failed').length >= 2);
  for (const id of [unknown, mismatched]) assert.equal(statuses().find((s) => s.id === id).errors[0].code, 131053);
});

test('media a customer sends is downloadable through the media API', async () => {
  const data = Buffer.from('customer-photo-bytes');
  await h.inbound({ type: 'image', image: { data: data.toString('base64'), mime_type: 'image/png', caption: 'look' } });
  const msg = await h.receiver.waitFor(() => h.receiver.messages().find((m) => m.type === 'image'));
  assert.deepEqual(Object.keys(msg.image), ['caption', 'mime_type', 'sha256', 'id', 'url']);
  assert.equal(msg.image.sha256, createHash('sha256').update(data).digest('base64'));
  const info = await h.graph('GET', `/v24.0/${msg.image.id}?phone_number_id=${h.number.phoneNumberId}`);
  const res = await fetch(info.json.url, { headers: { authorization: `Bearer ${h.number.accessToken}` } });
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), data);
});
