import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';

let t: TestApp;
let owner: HttpClient;
before(async () => {
  t = await startTestApp();
  owner = (await t.signUp()).client;
});
after(async () => {
  await t.close();
});

const codeOf = (body: unknown) => (body as { error: { code: string } }).error.code;

test('malformed JSON is 400 invalid_json', async () => {
  const response = await owner.request('POST', '/api/v1/api-keys', { rawBody: '{"name": "x",', headers: { 'content-type': 'application/json' } });
  assert.equal(response.status, 400);
  assert.equal(codeOf(response.body), 'invalid_json');
});

test('wrong types are 422 validation_failed with the path of each issue', async () => {
  const response = await owner.post('/api/v1/api-keys', { name: 42, role: 'emperor' });
  assert.equal(response.status, 422);
  assert.equal(codeOf(response.body), 'validation_failed');
  const paths = (response.body as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((i) => i.path);
  assert.ok(paths.includes('body.name') && paths.includes('body.role'), JSON.stringify(paths));
});

test('a body over 1 MiB is 413 payload_too_large with the limit', async () => {
  const response = await owner.post('/api/v1/api-keys', { name: 'x'.repeat(1024 * 1024 + 10), role: 'agent' });
  assert.equal(response.status, 413);
  assert.equal(codeOf(response.body), 'payload_too_large');
  assert.equal((response.body as { error: { details: { limitBytes: number } } }).error.details.limitBytes, 1048576);
});

test('an unsupported content type is 415, an unknown route is a JSON 404, a list limit over 200 is 422', async () => {
  const form = await owner.request('POST', '/api/v1/api-keys', { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.status, 415);
  assert.equal(codeOf(form.body), 'unsupported_media_type');
  const missing = await owner.get('/api/v1/no-such-thing');
  assert.equal(missing.status, 404);
  assert.equal(codeOf(missing.body), 'not_found');
  const tooMany = await owner.get('/api/v1/audit-events?limit=201');
  assert.equal(tooMany.status, 422);
  assert.equal((await owner.get('/api/v1/audit-events?cursor=garbage')).status, 422);
  assert.equal((await owner.get('/api/v1/audit-events?cursor=99999999999999999999')).status, 422, 'a number past the bigint sequence is no cursor');
});

test('errors never carry a stack trace, and every response names its request id', async () => {
  const response = await owner.post('/api/v1/api-keys', { name: 42 });
  assert.doesNotMatch(response.text, /at \w+ \(|node_modules|\.ts:\d+/);
  assert.match(response.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
});

test('health, readiness and the OpenAPI document are served', async () => {
  assert.deepEqual((await t.anonymous.get('/healthz')).body, { status: 'ok' });
  assert.deepEqual((await t.anonymous.get('/readyz')).body, { status: 'ready', parkedEnvelopes: 0 });
  const spec = (await t.anonymous.get('/docs/json')).body as { openapi: string; info: { description: string }; paths: Record<string, Record<string, { description?: string }>> };
  assert.match(spec.openapi, /^3\./);
  assert.ok(spec.paths['/api/v1/auth/signup'] && spec.paths['/api/v1/audit-events/verify']);
  assert.match(spec.info.description, /\| audit\.read \| ✓ \| ✓ \| {2}\| {2}\|/, 'the permission matrix is documented');
  assert.match(spec.paths['/api/v1/api-keys']!.post!.description ?? '', /apiKeys\.manage.*owner, admin/);
});
