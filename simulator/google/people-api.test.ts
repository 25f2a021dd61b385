import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { peopleApiRoutes } from './people-api';
import { PeopleDirectory } from './people-directory';
import { CONTACTS_READONLY_SCOPE } from './sandbox-google-users';

// The sandbox People API answers people.connections.list as Google documents it: bearer token
// with contacts.readonly, a required personFields mask, pageSize/pageToken paging, totalItems,
// and Google's JSON error envelope.

async function api() {
  const directory = new PeopleDirectory();
  directory.set('1', Array.from({ length: 250 }, (_, i) => ({ name: `Ana ${i} Lima`, phones: i % 2 ? [`+351 912 000 ${String(i).padStart(3, '0')}`] : ['local 123'] })));
  const tokens: Record<string, { sub: string; scopes: string[] }> = { good: { sub: '1', scopes: [CONTACTS_READONLY_SCOPE] }, narrow: { sub: '1', scopes: ['openid', 'email'] } };
  const app = Fastify();
  await app.register(peopleApiRoutes, { prefix: '/people', directory, introspect: async (t) => tokens[t] ?? null });
  const get = async (query: string, token = 'good') => {
    const r = await app.inject({ url: `/people/v1/people/me/connections?${query}`, headers: { authorization: `Bearer ${token}` } });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> & { error?: { code: number; status: string; message: string } } };
  };
  return { app, get };
}

test('pages of connections with only the fields asked for, a next page token while more remain, and totalItems', async () => {
  const { app, get } = await api();
  const first = await get('personFields=names,phoneNumbers&pageSize=100');
  assert.equal(first.status, 200);
  const people = first.body.connections as { resourceName: string; etag: string; names?: { displayName: string; givenName: string; familyName: string }[]; phoneNumbers?: { value: string; canonicalForm?: string }[] }[];
  assert.equal(people.length, 100);
  assert.equal(first.body.totalItems, 250);
  assert.match(people[0]!.resourceName, /^people\/c\d+$/);
  assert.deepEqual([people[1]!.names![0]!.displayName, people[1]!.names![0]!.givenName, people[1]!.names![0]!.familyName], ['Ana 1 Lima', 'Ana', '1 Lima']);
  assert.deepEqual([people[1]!.phoneNumbers![0]!.value, people[1]!.phoneNumbers![0]!.canonicalForm], ['+351 912 000 001', '+351912000001']);
  assert.equal(people[0]!.phoneNumbers![0]!.canonicalForm, undefined, 'no canonical form for a number Google cannot read');
  const namesOnly = await get('personFields=names&pageSize=1');
  assert.deepEqual(Object.keys((namesOnly.body.connections as object[])[0]!).sort(), ['etag', 'names', 'resourceName']);

  let token = first.body.nextPageToken as string;
  const second = await get(`personFields=names,phoneNumbers&pageSize=100&pageToken=${token}`);
  token = second.body.nextPageToken as string;
  const last = await get(`personFields=names,phoneNumbers&pageSize=100&pageToken=${token}`);
  assert.equal((last.body.connections as object[]).length, 50);
  assert.equal(last.body.nextPageToken, undefined, 'no token on the last page');
  assert.equal((await get('personFields=names')).body.connections && ((await get('personFields=names')).body.connections as object[]).length, 100, 'pageSize defaults to 100');
  await app.close();
});

test('errors in Google\'s shape: no mask, a bad path, a bad page size or token, no token, a token without contacts.readonly', async () => {
  const { app, get } = await api();
  const cases: [string, string | undefined, number, string][] = [
    ['pageSize=10', 'good', 400, 'INVALID_ARGUMENT'],
    ['personFields=names,shoeSize', 'good', 400, 'INVALID_ARGUMENT'],
    ['personFields=names&pageSize=1001', 'good', 400, 'INVALID_ARGUMENT'],
    ['personFields=names&pageToken=garbage', 'good', 400, 'INVALID_ARGUMENT'],
    ['personFields=names', 'unknown', 401, 'UNAUTHENTICATED'],
    ['personFields=names', 'narrow', 403, 'PERMISSION_DENIED'],
  ];
  for (const [query, token, status, code] of cases) {
    const r = await get(query, token);
    assert.equal(r.status, status, query);
    assert.equal(r.body.error?.code, status);
    assert.equal(r.body.error?.status, code, query);
    assert.ok(r.body.error?.message);
  }
  const first = await get('personFields=names&pageSize=10');
  const mismatch = await get(`personFields=names,phoneNumbers&pageSize=10&pageToken=${first.body.nextPageToken as string}`);
  assert.equal(mismatch.status, 400, 'the mask must match the call that gave the page token');
  await app.close();
});
