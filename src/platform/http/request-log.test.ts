import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config';
import { createTestDatabase } from '../db/test-database';
import { createLogger } from '../logging';
import { buildApi } from '../../main/api';
import { buildContainer } from '../../main/container';
import { freePort } from '../../test-support/free-port';
import { HttpClient } from '../../test-support/http-client';
import type { AppInstance } from './create-server';

// The product as the tests build it, but with its log captured at info level.
const lines: string[] = [];
let app: AppInstance;
let close: () => Promise<void>;
let owner: HttpClient;
before(async () => {
  const database = await createTestDatabase();
  const port = await freePort();
  const config = loadConfig({ MASTER_KEY: randomBytes(32).toString('base64'), DATA_DIR: database.dataDir ?? 'tmp/unused', LOG_LEVEL: 'info', WHATSAPP_MODE: 'sandbox', PORT: String(port) });
  const container = await buildContainer(config, createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } }), { database });
  app = await buildApi(container);
  await app.listen({ port, host: '127.0.0.1' });
  close = async () => {
    await app.close();
    await container.close();
  };
  owner = new HttpClient(`http://127.0.0.1:${port}`);
  const signUp = await owner.post('/api/v1/auth/signup', { email: 'logs@example.com', password: 'correct horse battery', name: 'Lena', workspaceName: 'Logs', ageConfirmed: true });
  assert.equal(signUp.status, 201);
  await owner.loadCsrf();
});
after(async () => {
  await close();
});

const PHONE_DIGITS = '351912345678';

test('request lines carry the route template, method, status, duration and request id: no URL, no query string', async () => {
  lines.length = 0;
  const search = await owner.get(`/api/v1/contacts?q=%2B${PHONE_DIGITS}&tag=vip`);
  assert.equal(search.status, 200);
  const responses = [
    search,
    await owner.get(`/api/v1/messages/search?q=${PHONE_DIGITS}+hello`),
    await owner.get(`/api/v1/contacts/${PHONE_DIGITS}`),
    await owner.get(`/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=tok${PHONE_DIGITS}&hub.challenge=c`),
    await owner.get(`/api/v1/no-such-route/${PHONE_DIGITS}?q=${PHONE_DIGITS}`),
    await owner.post('/api/v1/labels', { name: `label ${PHONE_DIGITS}` }),
  ];

  const log = lines.join('');
  assert.doesNotMatch(log, new RegExp(PHONE_DIGITS.slice(-6)), 'no phone digits from paths, queries or bodies');
  assert.doesNotMatch(log, /\?|verify_token|hub\.|q=/, 'no query string');
  // This test's own requests, by their ids: the sandbox's own webhook handshake may land in between.
  const ours = new Set(responses.map((r) => r.headers.get('x-request-id')));
  const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request completed' && ours.has(l.reqId as string));
  assert.equal(requests.length, 6, log);
  assert.deepEqual(requests.map((r) => r.route), ['/api/v1/contacts', '/api/v1/messages/search', '/api/v1/contacts/:id', '/webhooks/whatsapp', '(no route)', '/api/v1/labels']);
  const first = requests[0]!;
  assert.equal(first.method, 'GET');
  assert.equal(first.statusCode, 200);
  assert.equal(typeof first.durationMs, 'number');
  assert.equal(first.reqId, search.headers.get('x-request-id'));
  assert.equal(first.url, undefined);
  assert.equal(first.req, undefined);
});

test("a caller's request id is kept when it is an id, replaced when it is any other text", async () => {
  lines.length = 0;
  const kept = await owner.get('/healthz', { 'x-request-id': 'lb-7f3a9c2e-0001' });
  assert.equal(kept.headers.get('x-request-id'), 'lb-7f3a9c2e-0001');
  const replaced = await owner.get('/healthz', { 'x-request-id': `+${PHONE_DIGITS} Ana Silva` });
  assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  assert.doesNotMatch(lines.join(''), new RegExp(PHONE_DIGITS));
});

test('a request object logged by anyone is reduced to its method and route', () => {
  lines.length = 0;
  app.log.info({ req: { method: 'GET', url: `/api/v1/contacts?q=${PHONE_DIGITS}`, routeOptions: { url: '/api/v1/contacts' }, headers: { cookie: 'x' } } }, 'stray');
  assert.deepEqual((JSON.parse(lines[0]!) as { req: unknown }).req, { method: 'GET', route: '/api/v1/contacts' });
});
