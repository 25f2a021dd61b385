import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../test-support/test-app';
import type { HttpClient } from '../test-support/http-client';
import type { CrossTenantFixture, FixtureProvider, Workspace } from '../test-support/cross-tenant-fixtures/types';

// Generated from the route table: every /api route that names a resource is called by workspace B
// with workspace A's ids, for reads and writes, by session and by API key, and must answer 404.
// A route with a path parameter and no fixture (src/test-support/cross-tenant-fixtures/<module>.ts)
// fails this suite, so no route escapes it.

let t: TestApp;
let a: Workspace;
let b: Workspace;
let bKey: HttpClient;
const fixtures: Record<string, CrossTenantFixture> = {};

before(async () => {
  t = await startTestApp({ WHATSAPP_MODE: 'sandbox' });
  a = await t.signUp();
  b = await t.signUp();
  bKey = (await t.apiKey(b.client, 'owner')).client;
  const folder = fileURLToPath(new URL('../test-support/cross-tenant-fixtures/', import.meta.url));
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'types.ts').sort()) {
    const provider = ((await import(`${folder}${file}`)) as { fixtures: FixtureProvider }).fixtures;
    Object.assign(fixtures, await provider({ t, a, b }));
  }
});
after(async () => {
  await t.close();
});

const parametrized = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url.includes(':') && r.access !== 'public');
const pathFor = (url: string, id: string) => url.replace(/:[A-Za-z]+/g, encodeURIComponent(id));
const send = (client: HttpClient, method: string, path: string, fixture: CrossTenantFixture) =>
  client.request(method, path, fixture.body === undefined ? {} : { body: fixture.body });

test('every parametrized route has a cross-tenant fixture', () => {
  const missing = parametrized().map((r) => `${r.method} ${r.url}`).filter((k) => !fixtures[k]);
  assert.deepEqual(missing, [], 'add a fixture for each new route so the suite covers it');
  assert.ok(parametrized().length >= 8);
});

test('workspace B gets 404 on every id of workspace A, by session and by API key, for reads and writes', async () => {
  for (const route of parametrized()) {
    const fixture = fixtures[`${route.method} ${route.url}`]!;
    for (const [who, client] of [['session', b.client], ['api key', bKey]] as const) {
      for (const id of [fixture.id, ...(fixture.alsoIds ?? [])]) {
        const response = await send(client, route.method, pathFor(route.url, id), fixture);
        assert.equal(response.status, 404, `${who}: ${route.method} ${pathFor(route.url, id)} answered ${response.status} ${response.text}`);
      }
    }
  }
});

test('an id in any format that names nothing is 404, never a 500', async () => {
  for (const route of parametrized()) {
    const fixture = fixtures[`${route.method} ${route.url}`]!;
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%00', '\u0000', 'a\u0000b', 'x'.repeat(150)]) {
      const response = await send(bKey, route.method, pathFor(route.url, id), fixture);
      assert.equal(response.status, 404, `${route.method} ${pathFor(route.url, id)} answered ${response.status}`);
    }
  }
});

test("A's resources are untouched and never listed to B", async () => {
  for (const fixture of Object.values(fixtures)) await fixture.unchanged?.();
  const lists = t.app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !r.url.includes(':') && !['/api/v1/me', '/api/v1/events'].includes(r.url));
  for (const route of lists) {
    const listing = await bKey.get(route.url);
    if (listing.status === 403) continue;
    assert.equal(listing.status, 200, `${route.url} answered ${listing.status}`);
    for (const id of Object.values(fixtures).flatMap((f) => [f.id, ...(f.alsoIds ?? [])])) assert.ok(!listing.text.includes(id), `${route.url} leaks ${id}`);
  }
});
