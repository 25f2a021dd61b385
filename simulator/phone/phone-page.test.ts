import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { startHarness, CUSTOMER, type Harness } from '../test-support/harness';

let h: Harness;
const assetsDir = new URL('./assets/', import.meta.url);

before(async () => {
  h = await startHarness();
});
after(() => h.close());

test('the page and its assets are served standalone at /phone with the API at the root', async () => {
  const page = await fetch(`${h.sim.url}/phone?phoneNumberId=${h.number.phoneNumberId}`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  const html = await page.text();
  assert.ok(html.includes('<meta name="sim-api-base" content="">'));
  for (const asset of ['app.js', 'api.js', 'dom.js', 'render.js', 'compose.js', 'phone.css']) {
    assert.equal((await fetch(`${h.sim.url}/phone/assets/${asset}`)).status, 200, asset);
  }
  assert.equal((await fetch(`${h.sim.url}/phone/assets/..%2Fphone-page.ts`)).status, 404);
});

test('the assets are valid modules, use no external URLs and never inject HTML', () => {
  for (const file of readdirSync(assetsDir)) {
    const source = readFileSync(new URL(file, assetsDir), 'utf8');
    assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, file);
    assert.doesNotMatch(source, /(src|href)=["']https?:|@import\s+url\(["']?https?:|fetch\(["']https?:/, file);
    if (file.endsWith('.js')) {
      const check = spawnSync(process.execPath, ['--experimental-default-type=module', '--check', new URL(file, assetsDir).pathname]);
      assert.equal(check.status, 0, `${file}: ${check.stderr}`);
    }
  }
});

test('the phone API shows the conversation, its statuses and reactions, and polls cheaply', async () => {
  const base = `/_sim/phone/${h.number.phoneNumberId}`;
  const { json: info } = await h.control('GET', base);
  assert.deepEqual(info.customers.map((c: { id: string; name: string }) => [c.id, c.name]), [[CUSTOMER, 'Kerry Fisher']]);
  assert.equal(info.number.displayPhoneNumber, '+1 555-078-3881');

  const { json: inbound } = await h.inbound({ type: 'text', text: { body: '<b>not html</b>' } });
  const sent = await h.graph('POST', `/v24.0/${h.number.phoneNumberId}/messages`, {
    messaging_product: 'whatsapp', to: CUSTOMER, type: 'interactive',
    interactive: { type: 'button', body: { text: 'Confirm?' }, action: { buttons: [{ type: 'reply', reply: { id: 'ok', title: 'OK' } }] } },
  });
  const wamid = sent.json.messages[0].id;
  await h.inbound({ type: 'reaction', reaction: { message_id: wamid, emoji: '👍' } });
  await h.receiver.waitFor(() => h.receiver.statuses().some((s) => s.id === wamid && s.status === 'read'));

  const chat = await h.control('GET', `${base}/chats/${CUSTOMER}`);
  const [mine, theirs] = chat.json.items;
  assert.equal(mine.wamid, inbound.wamid);
  assert.equal(mine.from, 'customer');
  assert.equal(mine.content.body, '<b>not html</b>');
  assert.equal(theirs.from, 'business');
  assert.equal(theirs.status, 'read');
  assert.deepEqual(theirs.reactions, { customer: '👍' });
  const again = await h.control('GET', `${base}/chats/${CUSTOMER}?since=${chat.json.version}`);
  assert.deepEqual(again.json, { version: chat.json.version, unchanged: true });
});

test('customers can be added from the phone page', async () => {
  const res = await h.control('POST', `/_sim/phone/${h.number.phoneNumberId}/customers`, { waId: '5511987654321', name: 'Zé 😀' });
  assert.equal(res.status, 201);
  assert.equal(res.json.customer.waId, '551187654321', 'Brazilian mobile numbers lose the ninth digit, as wa_id does');
});
