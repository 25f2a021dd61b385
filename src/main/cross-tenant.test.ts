import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../test-support/test-app';
import type { HttpClient } from '../test-support/http-client';

// Generated from the route table: every /api route that names a resource is called by workspace B
// with workspace A's ids, for reads and writes, and must answer 404. A new route with a path
// parameter fails this suite until it gets a fixture below, so no route escapes it.

let t: TestApp;
let fixtures: Record<string, { id: string; body?: unknown }>;
let a: { client: HttpClient; workspaceId: string };
let b: { client: HttpClient; workspaceId: string };
let bKey: HttpClient;

before(async () => {
  t = await startTestApp({ WHATSAPP_MODE: 'sandbox' });
  a = await t.signUp();
  b = await t.signUp();
  bKey = (await t.apiKey(b.client, 'owner')).client;
  const aKey = await t.apiKey(a.client, 'agent');
  const aAgent = await t.signUp();
  const invitation = await a.client.post('/api/v1/invitations', { email: `new-${Date.now()}@example.com`, role: 'agent' });
  const token = new URL((invitation.body as { acceptUrl: string }).acceptUrl).searchParams.get('invitation')!;
  const agentInvitation = await a.client.post('/api/v1/invitations', { email: aAgent.email, role: 'agent' });
  const agentToken = new URL((agentInvitation.body as { acceptUrl: string }).acceptUrl).searchParams.get('invitation')!;
  await aAgent.client.post(`/api/v1/invitations/${encodeURIComponent(agentToken)}/accept`);

  const aChannel = ((await a.client.get('/api/v1/channels')).body as { data: { id: string }[] }).data[0]!.id;

  // Keyed by "METHOD url" of the route table.
  fixtures = {
    'GET /api/v1/channels/:id': { id: aChannel },
    'PATCH /api/v1/channels/:id': { id: aChannel, body: { throughputMps: 20 } },
    'DELETE /api/v1/channels/:id': { id: aChannel },
    'GET /api/v1/channels/:id/sandbox-phone': { id: aChannel },
    'DELETE /api/v1/api-keys/:id': { id: aKey.id },
    'PATCH /api/v1/members/:id': { id: ((await a.client.get('/api/v1/members')).body as { data: { id: string; role: string }[] }).data.find((m) => m.role === 'agent')!.id, body: { role: 'admin' } },
    'DELETE /api/v1/members/:id': { id: ((await a.client.get('/api/v1/members')).body as { data: { id: string; role: string }[] }).data.find((m) => m.role === 'agent')!.id },
    'POST /api/v1/invitations/:token/accept': { id: token },
  };
});
after(async () => {
  await t.close();
});

const parametrized = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url.includes(':') && r.access !== 'public');

test('every parametrized route has a cross-tenant fixture', () => {
  const missing = parametrized().map((r) => `${r.method} ${r.url}`).filter((k) => !fixtures[k]);
  assert.deepEqual(missing, [], 'add a fixture for each new route so the suite covers it');
  assert.ok(parametrized().length >= 4);
});

test("workspace B gets 404 on every id of workspace A, by session and by API key, for reads and writes", async () => {
  for (const route of parametrized()) {
    const fixture = fixtures[`${route.method} ${route.url}`]!;
    const path = route.url.replace(/:[A-Za-z]+/g, encodeURIComponent(fixture.id));
    for (const [who, client] of [['session', b.client], ['api key', bKey]] as const) {
      const response = await client.request(route.method, path, fixture.body === undefined ? {} : { body: fixture.body });
      assert.equal(response.status, 404, `${who}: ${route.method} ${route.url} answered ${response.status} ${response.text}`);
    }
  }
});

test("an id in any format that names nothing is 404, never a 500", async () => {
  for (const route of parametrized()) {
    const fixture = fixtures[`${route.method} ${route.url}`]!;
    for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000', "1' or '1'='1", '%00', 'x'.repeat(150)]) {
      const path = route.url.replace(/:[A-Za-z]+/g, encodeURIComponent(id));
      const response = await bKey.request(route.method, path, fixture.body === undefined ? {} : { body: fixture.body });
      assert.equal(response.status, 404, `${route.method} ${path} answered ${response.status}`);
    }
  }
});

test("A's resources are untouched and never listed to B", async () => {
  const members = (await a.client.get('/api/v1/members')).body as { data: { role: string }[] };
  assert.ok(members.data.some((m) => m.role === 'agent'), "A's agent is still an agent");
  const channel = await a.client.get(`/api/v1/channels/${fixtures['GET /api/v1/channels/:id']!.id}`);
  assert.equal((channel.body as { throughputMps: number }).throughputMps, 80, "A's channel was not changed by B");
  for (const path of ['/api/v1/api-keys', '/api/v1/members', '/api/v1/audit-events', '/api/v1/channels']) {
    const listing = await bKey.get(path);
    assert.equal(listing.status, 200);
    for (const fixture of Object.values(fixtures)) assert.ok(!listing.text.includes(fixture.id), `${path} leaks ${fixture.id}`);
  }
});
