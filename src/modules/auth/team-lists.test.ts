import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';

// Members and API keys are lists like every other: ?limit= (default 50, over 200 → 422) and ?cursor=.

let t: TestApp;
let owner: HttpClient;
let ownerId: string;
before(async () => {
  t = await startTestApp();
  const signedUp = await t.signUp();
  owner = signedUp.client;
  ownerId = signedUp.userId;
});
after(async () => {
  await t.close();
});

async function walk(path: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await owner.get(`${path}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(response.status, 200, response.text);
    const page = response.body as { data: { id: string }[]; nextCursor: string | null };
    assert.ok(page.data.length <= limit);
    ids.push(...page.data.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

test('limit=201 is refused on members and API keys', async () => {
  for (const path of ['/api/v1/members', '/api/v1/api-keys']) {
    const response = await owner.get(`${path}?limit=201`);
    assert.equal(response.status, 422, path);
    assert.equal((response.body as { error: { code: string } }).error.code, 'validation_failed');
    assert.equal((await owner.get(`${path}?cursor=garbage`)).status, 422, path);
  }
});

test('API keys page newest first; members page in joining order; each row exactly once', async () => {
  const created: string[] = [];
  for (let i = 0; i < 5; i++) created.push((await t.apiKey(owner, 'agent')).id);
  assert.deepEqual(await walk('/api/v1/api-keys', 2), created.reverse());

  const joined = [ownerId];
  for (let i = 0; i < 4; i++) {
    const person = await t.signUp();
    const invitation = await owner.post('/api/v1/invitations', { email: person.email, role: 'agent' });
    const token = new URL((invitation.body as { acceptUrl: string }).acceptUrl).searchParams.get('invitation')!;
    assert.equal((await person.client.post(`/api/v1/invitations/${encodeURIComponent(token)}/accept`)).status, 200);
    joined.push(person.userId);
  }
  assert.deepEqual(await walk('/api/v1/members', 2), joined);
  assert.deepEqual(await walk('/api/v1/members', 200), joined);
});
