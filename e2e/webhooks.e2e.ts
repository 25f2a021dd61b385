import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { screenshot } from './support/screenshots';
import { sandboxNumber, sessionApi } from './support/session-api';
import { eventually } from './support/wait';
import { signatureValid, startWebhookReceiver } from './support/webhook-receiver';

describe('settings: outgoing webhooks', () => {
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  before(async () => {
    browser = await launchBrowser();
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    await browser.close();
    await receiver.close();
  });

  it('subscribes a local endpoint, shows the secret once, and logs signed deliveries, a failed attempt, disabling and deleting', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await signUp(page, newPerson('Kim Fisher', 'Hook Bakery'));
    const api = await sessionApi(page);
    const sandbox = await sandboxNumber(api);
    const customerWrites = (body: string) => {
      const c = sandbox.customers[0]!;
      return api.call('POST', '/sandbox/graph/_sim/inbound', { phoneNumberId: sandbox.phoneNumberId, from: c.waId, profileName: c.name, type: 'text', text: { body } }, { 'x-sim-phone-key': sandbox.key });
    };

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Outgoing webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outgoing webhooks' }).waitFor();
    await page.getByText('No endpoints yet.').waitFor();

    // The form says what is missing before asking the server.
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Choose at least one event.').waitFor();
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByRole('group', { name: 'Events' }).getByLabel(/^message\.received/).check();
    await page.getByRole('group', { name: 'Events' }).getByLabel(/^conversation\.updated/).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();

    const notice = page.getByRole('region', { name: /Signing secret for/ });
    const secret = await notice.getByLabel('Signing secret').inputValue();
    assert.ok(secret.length >= 24, 'the secret is shown');
    await screenshot(page, 'settings-webhooks-secret');
    await notice.getByRole('button', { name: 'I have copied the secret' }).click();
    await notice.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is not shown again');

    const card = page.getByRole('listitem').filter({ hasText: receiver.url });
    await card.getByText('Enabled').waitFor();
    await card.getByRole('button', { name: /^Show deliveries/ }).click();
    await card.getByText('No deliveries yet.').waitFor();

    // A customer writes: the endpoint receives signed deliveries and the log shows them as they happen.
    await customerWrites('Is the shop open on Sunday?');
    await eventually(async () => assert.ok(receiver.received.some((r) => r.body.includes('"message.received"')), `received: ${receiver.received.length}`), 60_000);
    const first = receiver.received.find((r) => r.body.includes('"message.received"'))!;
    assert.ok(signatureValid(secret, first), 'the delivery is signed with the secret shown once');
    const log = card.getByRole('table');
    await eventually(async () => {
      const row = log.getByRole('row').filter({ hasText: 'message.received' }).first();
      assert.match((await row.textContent()) ?? '', /Delivered.*1.*HTTP 200/s);
    }, 15_000);

    // The endpoint fails once: the log shows the failed attempt, its response code and when the next one is due.
    receiver.respondWith(500);
    await customerWrites('Hello again');
    await eventually(async () => {
      const rows = await log.getByRole('row').filter({ hasText: 'HTTP 500' }).allTextContents();
      assert.ok(rows.some((text) => /Retrying/.test(text) || /Delivered/.test(text)), `a retried delivery: ${rows.join(' | ')}`);
    }, 20_000);
    await screenshot(page, 'settings-webhooks-deliveries');

    // Disable, enable, delete.
    await card.getByRole('button', { name: /^Disable/ }).click();
    await card.getByText('Disabled', { exact: true }).waitFor();
    await card.getByText('disabled by a member').waitFor();
    await card.getByRole('button', { name: /^Enable/ }).click();
    await card.getByText('Enabled', { exact: true }).waitFor();
    await card.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByText('No endpoints yet.').waitFor();
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  it('is usable on a 375 px wide phone screen', async () => {
    const { context, page } = await newSession(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await signUp(page, newPerson());
    await page.goto('/app/settings/webhooks');
    await page.getByRole('heading', { level: 1, name: 'Outgoing webhooks' }).waitFor();
    await page.getByText('No endpoints yet.').waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    assert.ok(typeof width === 'number' && width <= 375, `no sideways scrolling (page is ${String(width)} px wide)`);
    await screenshot(page, 'settings-webhooks-375px');
    await context.close();
  });
});
