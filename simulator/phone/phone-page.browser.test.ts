import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startHarness, CUSTOMER, type Harness } from '../test-support/harness';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = existsSync(executablePath) ? false : `no Chromium at ${executablePath}`;

let h: Harness;
let browser: Browser;

before(async () => {
  if (skip) return;
  h = await startHarness();
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
});
after(async () => {
  if (skip) return;
  await browser.close();
  await h.close();
});

test('a customer reads, taps, replies and reacts on the phone page; each action is a signed webhook', { skip }, async () => {
  await h.inbound({ type: 'text', text: { body: 'Hi!' } });
  const send = (body: Record<string, unknown>) => h.graph('POST', `/v24.0/${h.number.phoneNumberId}/messages`, { messaging_product: 'whatsapp', to: CUSTOMER, ...body });
  await send({ type: 'text', text: { body: '<img src=x onerror="window.pwned=1"> 50% off' } });
  const buttons = await send({
    type: 'interactive',
    interactive: { type: 'button', body: { text: 'Confirm your slot?' }, action: { buttons: [{ type: 'reply', reply: { id: 'slot-yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'slot-no', title: 'No' } }] } },
  });
  const buttonsWamid = buttons.json.messages[0].id;

  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${h.sim.url}/phone?phoneNumberId=${h.number.phoneNumberId}`);
  await page.getByText('Confirm your slot?').waitFor();
  assert.equal(await page.getByText('<img src=x onerror="window.pwned=1"> 50% off').count(), 1, 'business text is shown as text');
  assert.equal(await page.evaluate(() => (globalThis as { pwned?: number }).pwned), undefined);

  await page.getByRole('button', { name: 'Yes' }).click();
  const tap = await h.receiver.waitFor(() => h.receiver.messages().find((m) => m.type === 'interactive'));
  assert.deepEqual(tap.interactive, { type: 'button_reply', button_reply: { id: 'slot-yes', title: 'Yes' } });
  assert.equal(tap.context.id, buttonsWamid);

  await page.getByLabel('Message', { exact: true }).fill('See you then 👋');
  await page.getByRole('button', { name: 'Send message' }).click();
  const reply = await h.receiver.waitFor(() => h.receiver.messages().find((m) => m.text?.body === 'See you then 👋'));
  assert.equal(reply.from, CUSTOMER);

  const bubble = page.locator(`li[data-wamid="${buttonsWamid}"]`);
  await bubble.getByText('React').click();
  await bubble.getByRole('button', { name: 'React 👍' }).click();
  const reaction = await h.receiver.waitFor(() => h.receiver.messages().find((m) => m.type === 'reaction'));
  assert.deepEqual(reaction.reaction, { message_id: buttonsWamid, emoji: '👍' });
  await page.close();
});

test('without a number in the URL, an unguarded simulator offers its numbers', { skip }, async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(`${h.sim.url}/phone`);
  await page.getByRole('link', { name: /\+1 555-078-3881/ }).click();
  // The select is in the page from the start; its options arrive with the number's customers.
  // Polled from the test, not with waitForFunction: polling a predicate in the page needs eval,
  // which the page's Content-Security-Policy rightly forbids.
  const select = page.getByLabel('Simulated customer');
  for (let i = 0; i < 200 && (await select.inputValue()) !== CUSTOMER; i++) await page.waitForTimeout(25);
  assert.match(page.url(), new RegExp(`phoneNumberId=${h.number.phoneNumberId}$`));
  assert.equal(await select.inputValue(), CUSTOMER);
  await page.close();
});
