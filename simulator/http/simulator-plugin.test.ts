import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { SimulatorEngine, registerSimulator } from '../index';
import { FAST } from '../test-support/harness';
import { startReceiver } from '../test-support/webhook-receiver';
import type { Json } from '../test-support/json';

test('mounted in a host app under /sandbox/graph and /sandbox/phone, sharing one engine', async () => {
  const receiver = await startReceiver();
  const engine = new SimulatorEngine({ ...FAST, guarded: true, adminToken: 'sandbox-admin-token' });
  const app = Fastify();
  // The host's own parsers and error handler must not leak into the simulator, nor the reverse.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, { hostParsed: body }));
  app.setErrorHandler((_err, _req, reply) => reply.code(418).send({ host: true }));
  app.post('/api/echo', async (req) => req.body);
  await registerSimulator(app, { engine, prefix: '/sandbox/graph', phonePagePath: '/sandbox/phone' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  engine.publicUrl = `${base}/sandbox/graph`;
  try {
    // Programmatic registration, as the product does for each sandbox workspace.
    const { number } = engine.registerNumber({
      phoneNumberId: 'sbx-1', wabaId: 'sbx-waba-1', displayPhoneNumber: '+1 555 010 0001', accessToken: 'sandbox-token-1',
      appSecret: 'sandbox-secret-1', webhookUrl: receiver.url, customers: [{ waId: '201001234567', name: 'مريم' }],
    });
    const { wamid } = engine.injectInbound({ phoneNumberId: 'sbx-1', from: '201001234567', type: 'image', image: { caption: 'صورة' } });
    const message = await receiver.waitFor(() => receiver.messages().find((m) => m.id === wamid));
    assert.ok(message.image.url.startsWith(`${base}/sandbox/graph/whatsapp_business/attachments/`));

    const send = await fetch(`${base}/sandbox/graph/v24.0/sbx-1/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sandbox-token-1' },
      body: JSON.stringify({ messaging_product: 'whatsapp', to: '201001234567', type: 'text', text: { body: 'أهلا' } }),
    });
    assert.equal(send.status, 200);
    const bad = await fetch(`${base}/sandbox/graph/v24.0/sbx-1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as Json).error.code, 100, 'Graph errors, not the host error handler');

    const info: Json = await (await fetch(`${base}/sandbox/graph/v24.0/${message.image.id}`, { headers: { authorization: 'Bearer sandbox-token-1' } })).json();
    assert.ok(info.url.startsWith(`${base}/sandbox/graph/whatsapp_business/attachments/?mid=`));
    assert.equal((await fetch(info.url, { headers: { authorization: 'Bearer sandbox-token-1' } })).status, 200);

    const control = await fetch(`${base}/sandbox/graph/_sim/phone/sbx-1`, { headers: { 'x-sim-phone-key': number.phoneKey } });
    assert.equal(control.status, 200);
    assert.equal((await fetch(`${base}/sandbox/graph/_sim/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advanceSeconds":1}' })).status, 401);

    const page = await fetch(`${base}/sandbox/phone?phoneNumberId=sbx-1&key=${number.phoneKey}`);
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.ok(html.includes('<meta name="sim-api-base" content="/sandbox/graph">'));
    assert.ok(html.includes('src="/sandbox/phone/assets/app.js"'));
    assert.equal((await fetch(`${base}/sandbox/phone/assets/app.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');

    const host = await fetch(`${base}/api/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    assert.deepEqual(await host.json(), { hostParsed: '{"a":1}' });
  } finally {
    await app.close();
    await engine.close();
    await receiver.close();
  }
});
