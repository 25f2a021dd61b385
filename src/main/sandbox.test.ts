import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../test-support/test-app';

// Sandbox mode (the default of `npm start`): the simulator runs inside the product and every new
// workspace gets a connected sandbox number with three simulated customers.

let t: TestApp;
before(async () => {
  t = await startTestApp({ WHATSAPP_MODE: 'sandbox' });
});
after(async () => {
  await t.close();
});

test('sign-up connects a sandbox channel whose customer phone opens with its key, and only with it', async () => {
  const owner = await t.signUp();
  const channels = ((await owner.client.get('/api/v1/channels')).body as { data: { id: string; sandbox: boolean; phoneNumberId: string; graphApiBaseUrl: string }[] }).data;
  assert.equal(channels.length, 1);
  const [channel] = channels;
  assert.equal(channel!.sandbox, true);
  assert.equal(channel!.graphApiBaseUrl, `${t.url}/sandbox/graph`);
  assert.equal(((await owner.client.get('/api/v1/me')).body as { mode: string }).mode, 'sandbox');

  const phone = await owner.client.get(`/api/v1/channels/${channel!.id}/sandbox-phone`);
  assert.equal(phone.status, 200);
  const url = new URL((phone.body as { url: string }).url);
  assert.equal(url.pathname, '/sandbox/phone');
  assert.equal(url.searchParams.get('phoneNumberId'), channel!.phoneNumberId);
  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);

  const key = url.searchParams.get('key')!;
  const view = await fetch(`${t.url}/sandbox/graph/_sim/phone/${channel!.phoneNumberId}`, { headers: { 'x-sim-phone-key': key } });
  assert.equal(view.status, 200);
  const customers = ((await view.json()) as { customers: { name: string }[] }).customers.map((c) => c.name);
  assert.equal(customers.length, 3);
  assert.ok(customers.some((n) => /[\u0600-\u06FF]/.test(n)), 'one customer has an Arabic name');
  assert.ok(customers.some((n) => /\p{Extended_Pictographic}/u.test(n)), 'one customer has an emoji in the name');

  const other = await t.signUp();
  const otherChannel = ((await other.client.get('/api/v1/channels')).body as { data: { phoneNumberId: string }[] }).data[0]!;
  assert.notEqual(otherChannel.phoneNumberId, channel!.phoneNumberId, 'each workspace has its own number');
  const foreign = await fetch(`${t.url}/sandbox/graph/_sim/phone/${otherChannel.phoneNumberId}`, { headers: { 'x-sim-phone-key': key } });
  assert.equal(foreign.status, 403, "one workspace's key does not open another's phone");
  assert.equal((await fetch(`${t.url}/sandbox/graph/_sim/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds":60}' })).status, 401, 'the control API is guarded');
});

test('the in-process Graph API refuses a wrong token with Meta\'s 190', async () => {
  const owner = await t.signUp();
  const channel = ((await owner.client.get('/api/v1/channels')).body as { data: { phoneNumberId: string }[] }).data[0]!;
  const response = await fetch(`${t.url}/sandbox/graph/v24.0/${channel.phoneNumberId}/messages`, {
    method: 'POST',
    headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' },
    body: JSON.stringify({ messaging_product: 'whatsapp', to: '15550001111', type: 'text', text: { body: 'hi' } }),
  });
  assert.equal(response.status, 401);
  assert.equal(((await response.json()) as { error: { code: number } }).error.code, 190);
});

test('sandbox numbers survive a restart: the simulator learns them again from the database', async () => {
  const owner = await t.signUp();
  const channel = ((await owner.client.get('/api/v1/channels')).body as { data: { id: string; phoneNumberId: string }[] }).data[0]!;
  const url = new URL(((await owner.client.get(`/api/v1/channels/${channel.id}/sandbox-phone`)).body as { url: string }).url);
  const { mountSandbox } = await import('./sandbox');
  const Fastify = (await import('fastify')).default;
  const fresh = Fastify();
  const sandbox = await mountSandbox(fresh as never, t.container.channels, t.container.logger);
  assert.doesNotThrow(() => sandbox.engine.requireNumber(channel.phoneNumberId));
  const view = await fresh.inject({ method: 'GET', url: `/sandbox/graph/_sim/phone/${channel.phoneNumberId}`, headers: { 'x-sim-phone-key': url.searchParams.get('key')! } });
  assert.equal(view.statusCode, 200, 'the same phone link still works');
  await fresh.close();
});
