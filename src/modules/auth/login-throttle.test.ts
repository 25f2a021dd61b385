import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ManualClock } from '../../platform/clock';
import { HttpClient } from '../../test-support/http-client';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { throttleKeys } from './login-throttle';

let t: TestApp;
const clock = new ManualClock();
before(async () => {
  t = await startTestApp();
  // Auth reads time through its own deps: moving this clock moves the throttle's windows.
  t.container.auth.clock = clock;
});
after(async () => {
  await t.close();
});

const codeOf = (body: unknown) => (body as { error: { code: string } }).error.code;
const resetThrottle = () => sql`delete from login_attempts`.execute(t.container.database.db);

test('100 parallel wrong guesses: at most 5 reach the password check, the rest are refused with 429', async () => {
  await resetThrottle();
  const { email, password } = await t.signUp();
  const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => t.anonymous.post('/api/v1/auth/login', { email, password: `wrong guess ${i}` })));
  // A 401 is an answer of the password check; a 429 was refused before it.
  const checked = responses.filter((r) => r.status === 401);
  const refusedResponses = responses.filter((r) => r.status === 429);
  console.log(`100 parallel wrong guesses: ${checked.length} password checks, ${refusedResponses.length} refused`);
  assert.ok(checked.length >= 1 && checked.length <= 5, `password checked ${checked.length} times`);
  assert.equal(checked.length + refusedResponses.length, 100, responses.map((r) => r.status).join(','));
  const refused = refusedResponses[0]!.body as { error: { code: string; message: string; details: { retryAfterSeconds: number } } };
  assert.equal(refused.error.code, 'too_many_attempts');
  assert.match(refused.error.message, /Try again in 15 minutes/);
  assert.ok(refused.error.details.retryAfterSeconds > 0 && refused.error.details.retryAfterSeconds <= 900);
  const [emailKey] = throttleKeys(email, '');
  const { rows } = await sql<{ failures: number }>`select failures from login_attempts where key = ${emailKey}`.execute(t.container.database.db);
  assert.equal(rows[0]?.failures, 100, 'every attempt was counted, none lost to a race');

  const locked = await new HttpClient(t.url).post('/api/v1/auth/login', { email, password });
  assert.equal(locked.status, 429, 'the right password is refused too while the window lasts');
  clock.advance(14 * 60_000);
  assert.equal((await new HttpClient(t.url).post('/api/v1/auth/login', { email, password })).status, 429);
  clock.advance(60_000 + 1000);
  assert.equal((await new HttpClient(t.url).post('/api/v1/auth/login', { email, password })).status, 200, 'a new window opens after 15 minutes');
});

test('successful logins give their attempt back, so people sharing an address are not locked out', async () => {
  await resetThrottle();
  const people = await Promise.all(Array.from({ length: 3 }, () => t.signUp()));
  for (let round = 0; round < 3; round++) {
    for (const p of people) assert.equal((await new HttpClient(t.url).post('/api/v1/auth/login', { email: p.email, password: p.password })).status, 200);
  }
  const wrong = await t.anonymous.post('/api/v1/auth/login', { email: people[0]!.email, password: 'not it at all' });
  assert.equal(codeOf(wrong.body), 'invalid_credentials');
});

test('the CSRF token is derived from the session, not stored: the sessions table holds neither', async () => {
  const { client } = await t.signUp();
  const token = client.csrfToken!;
  assert.ok(token.length >= 40);
  const { rows } = await sql<Record<string, unknown>>`select * from sessions`.execute(t.container.database.db);
  assert.ok(rows.length > 0);
  const raw = JSON.stringify(rows);
  assert.ok(!raw.includes(token), 'no CSRF token in plaintext');
  assert.ok(!Object.keys(rows[0]!).some((c) => c.includes('csrf')), Object.keys(rows[0]!).join(','));
  const wrong = await client.request('POST', '/api/v1/api-keys', { body: { name: 'k', role: 'agent' }, headers: { 'x-csrf-token': token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA') } });
  assert.equal(wrong.status, 403);
  assert.equal(codeOf(wrong.body), 'csrf_failed');
  assert.equal((await client.post('/api/v1/api-keys', { name: 'k', role: 'agent' })).status, 201);
  const other = await t.signUp();
  assert.notEqual(other.client.csrfToken, token, 'each session has its own token');
  assert.equal((await client.request('POST', '/api/v1/api-keys', { body: { name: 'k', role: 'agent' }, headers: { 'x-csrf-token': other.client.csrfToken! } })).status, 403);
});
