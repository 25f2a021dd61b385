import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createSimulator, type RunningSimulator } from '../../../simulator';
import { startTestApp, type TestApp } from '../../test-support/test-app';

// Connecting a real number: the product asks the Graph API (here the simulator, over real HTTP)
// about it, keeps its credentials encrypted, and never shows them again.

let t: TestApp;
let sim: RunningSimulator;
let counter = 0;

before(async () => {
  t = await startTestApp();
  sim = await createSimulator({ port: 0 });
});
after(async () => {
  await sim.close();
  await t.close();
});

function registerNumber(throughputMps = 80) {
  counter += 1;
  const number = {
    phoneNumberId: `10654035224${1000 + counter}`,
    wabaId: `10229012934${1000 + counter}`,
    displayPhoneNumber: `1555078${1000 + counter}`,
    accessToken: `EAAJB-secret-token-${counter}-abcdefgh`,
    appSecret: `app-secret-${counter}-0123456789`,
    webhookUrl: `${t.url}/webhooks/whatsapp`,
    throughputMps,
  };
  sim.engine.registerNumber(number);
  return number;
}

const connectBody = (n: ReturnType<typeof registerNumber>) => ({
  phoneNumberId: n.phoneNumberId,
  wabaId: n.wabaId,
  displayPhoneNumber: n.displayPhoneNumber,
  accessToken: n.accessToken,
  appSecret: n.appSecret,
  verifyToken: `verify-${n.phoneNumberId}`,
  graphApiBaseUrl: sim.url,
});

test('connecting reads throughput, quality and limit from the Graph API and never returns or stores the secrets in the clear', async () => {
  const owner = await t.signUp();
  const number = registerNumber(1000);
  const response = await owner.client.post('/api/v1/channels/whatsapp', connectBody(number));
  assert.equal(response.status, 201, response.text);
  const channel = response.body as Record<string, unknown>;
  assert.equal(channel.throughputMps, 1000, 'HIGH throughput → 1,000 messages/s');
  assert.equal(channel.qualityRating, 'GREEN');
  assert.equal(channel.graphApiVersion, 'v24.0');
  for (const secret of [number.accessToken, number.appSecret, `verify-${number.phoneNumberId}`]) {
    assert.ok(!response.text.includes(secret), 'the response carries no secret');
    assert.ok(!(await owner.client.get('/api/v1/channels')).text.includes(secret));
  }
  const raw = await sql<Record<string, unknown>>`select * from channels c join channel_routes r on r.channel_id = c.id where c.id = ${channel.id as string}`.execute(t.database.db);
  const dump = JSON.stringify(raw.rows, (_k, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v));
  for (const secret of [number.accessToken, number.appSecret, `verify-${number.phoneNumberId}`]) assert.ok(!dump.includes(secret), 'no plaintext secret in the stored rows');
});

test('a phone number id connected in any workspace is refused with 409 channel_already_connected', async () => {
  const number = registerNumber();
  const first = await t.signUp();
  const second = await t.signUp();
  assert.equal((await first.client.post('/api/v1/channels/whatsapp', connectBody(number))).status, 201);
  const again = await second.client.post('/api/v1/channels/whatsapp', connectBody(number));
  assert.equal(again.status, 409);
  assert.equal((again.body as { error: { code: string } }).error.code, 'channel_already_connected');
});

test('a token Meta refuses is a 422 with the hint to fix it, and nothing is stored', async () => {
  const owner = await t.signUp();
  const number = registerNumber();
  const response = await owner.client.post('/api/v1/channels/whatsapp', { ...connectBody(number), accessToken: 'EAA-not-the-right-token' });
  assert.equal(response.status, 422);
  const error = (response.body as { error: { code: string; message: string; details: { graphCode: number } } }).error;
  assert.equal(error.code, 'channel_credentials_rejected');
  assert.equal(error.details.graphCode, 190);
  assert.deepEqual(((await owner.client.get('/api/v1/channels')).body as { data: unknown[] }).data, []);
});

test('throughput can be set (20 for a number shared with the Business app); disconnecting shreds the secrets', async () => {
  const owner = await t.signUp();
  const channel = (await owner.client.post('/api/v1/channels/whatsapp', connectBody(registerNumber()))).body as { id: string };
  const patched = await owner.client.patch(`/api/v1/channels/${channel.id}`, { throughputMps: 20 });
  assert.equal(patched.status, 200);
  assert.equal((patched.body as { throughputMps: number }).throughputMps, 20);
  assert.equal((await owner.client.patch(`/api/v1/channels/${channel.id}`, {})).status, 422);

  assert.equal((await owner.client.delete(`/api/v1/channels/${channel.id}`)).status, 204);
  assert.equal((await owner.client.get(`/api/v1/channels/${channel.id}`)).status, 404);
  const keys = await sql<{ n: number }>`select count(*)::int as n from crypto_data_keys where owner_type = 'channel' and owner_id = ${channel.id}`.execute(t.database.db);
  assert.equal(keys.rows[0]!.n, 0);
});

test('agents and analysts see channels but cannot connect one', async () => {
  const owner = await t.signUp();
  for (const role of ['agent', 'analyst'] as const) {
    const key = await t.apiKey(owner.client, role);
    assert.equal((await key.client.get('/api/v1/channels')).status, 200);
    assert.equal((await key.client.post('/api/v1/channels/whatsapp', connectBody(registerNumber()))).status, 403);
  }
});

test('a rotated app secret takes effect at once: webhooks signed with the old one are refused', async () => {
  const { createHmac } = await import('node:crypto');
  const owner = await t.signUp();
  const number = registerNumber();
  const channel = (await owner.client.post('/api/v1/channels/whatsapp', connectBody(number))).body as { id: string };
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: number.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId }, statuses: [] } }] }],
  });
  const post = (secret: string) =>
    fetch(`${t.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` },
      body,
    });
  assert.equal((await post(number.appSecret)).status, 200);
  assert.equal((await owner.client.patch(`/api/v1/channels/${channel.id}`, { appSecret: 'the-new-app-secret-42' })).status, 200);
  assert.equal((await post(number.appSecret)).status, 401, 'the old secret no longer verifies');
  assert.equal((await post('the-new-app-secret-42')).status, 200);
  assert.equal((await owner.client.delete(`/api/v1/channels/${channel.id}`)).status, 204);
  assert.equal((await post('the-new-app-secret-42')).status, 401, 'a disconnected number is unknown');
});
