import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient, TestResponse } from '../../test-support/http-client';
import { assertStorable, MAX_JSON_DEPTH } from './text-guard';

let t: TestApp;
let owner: HttpClient;
let contactId: string;
before(async () => {
  t = await startTestApp({ WHATSAPP_MODE: 'sandbox' });
  owner = (await t.signUp()).client;
  const contact = await owner.post('/api/v1/contacts', { phone: '+351912340001', name: 'Ana' });
  assert.equal(contact.status, 201, contact.text);
  contactId = (contact.body as { id: string }).id;
});
after(async () => {
  await t.close();
});

const NUL = 'a\u0000b';
const LONE = 'caf\uD83D';
const error = (r: TestResponse) => (r.body as { error: { code: string; message: string; details?: { issues?: { path: string }[] } } }).error;

function assertInvalidText(response: TestResponse, path: string) {
  assert.equal(response.status, 422, `${path}: ${response.status} ${response.text}`);
  assert.equal(error(response).code, 'invalid_text');
  assert.match(error(response).message, /cannot be stored/);
  assert.deepEqual(error(response).details?.issues?.map((i) => i.path), [path]);
}

test('a NUL character anywhere in a JSON body is 422 invalid_text naming the field, on every kind of text', async () => {
  assertInvalidText(await owner.post('/api/v1/contacts', { phone: '+351912340002', tags: ['vip', NUL] }), 'body.tags.1');
  assertInvalidText(await owner.patch(`/api/v1/contacts/${contactId}`, { attributes: { city: NUL } }), 'body.attributes.city');
  assertInvalidText(await owner.patch(`/api/v1/contacts/${contactId}`, { attributes: { [NUL]: 'x' } }), `body.attributes.${NUL}`);
  assertInvalidText(await owner.post('/api/v1/labels', { name: NUL }), 'body.name');
  assertInvalidText(await owner.post('/api/v1/canned-responses', { shortcut: 'hi', text: NUL }), 'body.text');
  assertInvalidText(await owner.post('/api/v1/automations/keyword-replies', { keywords: [NUL], replyText: 'hello' }), 'body.keywords.0');
  assertInvalidText(await owner.patch('/api/v1/settings', { welcomeMessage: { enabled: true, text: NUL } }), 'body.welcomeMessage.text');
  assertInvalidText(await owner.post('/api/v1/api-keys', { name: NUL, role: 'agent' }), 'body.name');
});

test('half of a surrogate pair is refused like a NUL; a whole emoji is stored', async () => {
  assertInvalidText(await owner.patch('/api/v1/settings', { awayMessage: { enabled: true, text: LONE } }), 'body.awayMessage.text');
  assertInvalidText(await owner.patch('/api/v1/settings', { awayMessage: { enabled: true, text: '\uDE00 tail' } }), 'body.awayMessage.text');
  const ok = await owner.patch('/api/v1/settings', { awayMessage: { enabled: true, text: 'Back soon 😀' } });
  assert.equal(ok.status, 200, ok.text);
  assert.equal((ok.body as { awayMessage: { text: string } }).awayMessage.text, 'Back soon 😀');
});

test('filters in the query string are checked too', async () => {
  assertInvalidText(await owner.get('/api/v1/contacts?q=%00'), 'query.q');
  assertInvalidText(await owner.get('/api/v1/contacts?tag=a%00b'), 'query.tag');
  assertInvalidText(await owner.get('/api/v1/conversations?label=%00'), 'query.label');
  assertInvalidText(await owner.get('/api/v1/messages/search?q=hi%00there'), 'query.q');
  // Percent-encoded half of a surrogate is not UTF-8: it stays the literal text, which is storable.
  assert.equal((await owner.get('/api/v1/messages/search?q=%ED%A0%80')).status, 200);
});

test('a path id holding a NUL names nothing: 404, on reads and writes', async () => {
  for (const [method, path] of [['GET', '/api/v1/contacts/%00'], ['PATCH', '/api/v1/labels/a%00'], ['DELETE', '/api/v1/canned-responses/%00'], ['GET', '/api/v1/conversations/%00/notes']] as const) {
    const response = await owner.request(method, path, method === 'PATCH' ? { body: { name: 'x' } } : {});
    assert.equal(response.status, 404, `${method} ${path}: ${response.status} ${response.text}`);
    assert.equal(error(response).code, 'not_found');
  }
});

test('template components nested 10,000 levels deep are a clear 400, not a stack overflow', async () => {
  // Built as text: JSON.stringify itself would overflow on such a value.
  const deep = '{"nested":'.repeat(10_000) + '"x"' + '}'.repeat(10_000);
  const rawBody = `{"name":"deep","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":${deep}}]}`;
  const response = await owner.request('POST', '/api/v1/templates', { rawBody, headers: { 'content-type': 'application/json' } });
  assert.equal(response.status, 400, response.text);
  assert.equal(error(response).code, 'too_deeply_nested');
  const arrays = await owner.request('POST', '/api/v1/labels', { rawBody: '['.repeat(100_000) + ']'.repeat(100_000), headers: { 'content-type': 'application/json' } });
  assert.equal(arrays.status, 400);
  assert.equal(error(arrays).code, 'too_deeply_nested');
});

test('the limits leave ordinary JSON, CSV and malformed JSON answers as they were', async () => {
  let ok: unknown = 'leaf';
  for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = [ok];
  assert.doesNotThrow(() => assertStorable(ok, 'body'));
  assert.throws(() => assertStorable([ok], 'body'), /more than 32 levels/);
  assert.equal((await owner.request('POST', '/api/v1/labels', { rawBody: '{"name":', headers: { 'content-type': 'application/json' } })).status, 400);
  const empty = await owner.request('POST', '/api/v1/labels', { rawBody: '', headers: { 'content-type': 'application/json' } });
  assert.equal(error(empty).code, 'invalid_json');
  const csv = await owner.request('POST', '/api/v1/contacts/import', { rawBody: 'phone,name\n+351912340003,Rui\n', headers: { 'content-type': 'text/csv' } });
  assert.equal(csv.status, 202, csv.text);
  const proto = await owner.request('POST', '/api/v1/labels', { rawBody: '{"name":"x","__proto__":{"admin":true}}', headers: { 'content-type': 'application/json' } });
  assert.equal(proto.status, 400, 'prototype poisoning is still refused by the safe parser');
});
