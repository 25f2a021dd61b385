import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { BASE_URL } from './support/env';
import { screenshot } from './support/screenshots';
import { eventually } from './support/wait';

type Channel = { id: string; phoneNumberId: string; displayPhoneNumber: string; throughputMps: number; qualityRating: string; messagingLimit: string };

describe('settings: channels', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('lists the sandbox number, changes its throughput, explains refusals to connect and disconnects after confirmation', async () => {
    const { context, page } = await newSession(browser);
    await signUp(page, newPerson());
    const { data } = (await (await context.request.get('/api/v1/channels')).json()) as { data: Channel[] };
    const channel = data[0]!;

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('heading', { level: 1, name: 'Channels' }).waitFor();
    await page.getByRole('note', { name: 'About the sandbox' }).waitFor();

    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: channel.displayPhoneNumber }) });
    await card.getByText('Sandbox', { exact: true }).waitFor();
    await card.getByText(`${channel.throughputMps} messages per second`).waitFor();
    await card.getByText(channel.qualityRating, { exact: true }).waitFor();
    await card.getByText(channel.messagingLimit, { exact: true }).waitFor();
    await screenshot(page, 'settings-channels');

    // The card's own button opens this channel's customer phone.
    const [phone] = await Promise.all([context.waitForEvent('page'), card.getByRole('button', { name: /Open customer phone/ }).click()]);
    await phone.waitForURL((url) => url.pathname === '/sandbox/phone' && url.searchParams.get('phoneNumberId') === channel.phoneNumberId && url.searchParams.has('key'));
    await phone.close();

    await card.getByLabel('Throughput (messages per second)').fill('20');
    await card.getByRole('button', { name: 'Save throughput' }).click();
    await card.getByText('Throughput saved.').waitFor();
    await card.getByText('20 messages per second').waitFor();
    await page.reload();
    await card.getByText('20 messages per second').waitFor();

    // The server's refusals, worded as it words them, next to the field or above the form.
    const connect = page.getByRole('region', { name: 'Connect a WhatsApp number' });
    await connect.getByRole('button', { name: 'Connect number' }).click();
    const displayField = connect.getByLabel('Display phone number');
    await eventually(async () => assert.equal(await displayField.getAttribute('aria-invalid'), 'true'));
    assert.equal(await page.evaluate('document.activeElement?.id'), 'connect-displayPhoneNumber');

    await displayField.fill('+1 555 010 0200');
    await connect.getByLabel('Phone number id').fill(channel.phoneNumberId);
    await connect.getByLabel('WhatsApp Business Account id').fill('102290129340398');
    await connect.getByLabel('Access token').fill('EAAG-not-a-real-token');
    await connect.getByLabel('App secret').fill('not-the-app-secret');
    await connect.getByLabel('Webhook verify token').fill('verify-me-please');
    await connect.getByRole('button', { name: 'Connect number' }).click();
    await connect.getByRole('alert').getByText('already connected').waitFor();

    await connect.getByLabel('Phone number id').fill('109999999999999');
    await connect.getByText('Advanced: another Graph API').click();
    await connect.getByLabel('Graph API base URL').fill(`${BASE_URL}/sandbox/graph`);
    await connect.getByRole('button', { name: 'Connect number' }).click();
    await connect.getByRole('alert').getByText('Meta refused the credentials').waitFor();
    await screenshot(page, 'settings-channels-connect-refused');

    // Disconnecting asks first; cancelling changes nothing.
    await card.getByRole('button', { name: /^Disconnect/ }).click();
    const dialog = page.getByRole('dialog', { name: `Disconnect ${channel.displayPhoneNumber}?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The keyboard works too: Escape closes the dialog and focus returns to the button that opened it.
    await card.getByRole('button', { name: /^Disconnect/ }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () => assert.match(String(await page.evaluate('document.activeElement?.textContent')), /^Disconnect/));
    await card.waitFor();
    await card.getByRole('button', { name: /^Disconnect/ }).click();
    await dialog.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('No number is connected yet.').waitFor();
    const after = (await (await context.request.get('/api/v1/channels')).json()) as { data: Channel[] };
    assert.deepEqual(after.data, []);
    await context.close();
  });

  it('leaves every settings page usable on a 375 px wide phone screen', async () => {
    const { context, page } = await newSession(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await signUp(page, newPerson());
    const pages = [
      ['channels', 'Channels', 'messages per second'],
      ['members', 'Members', 'Joined'],
      ['api-keys', 'API keys', 'No API keys yet.'],
      ['audit', 'Audit log', 'workspace.created'],
    ] as const;
    for (const [path, title, loaded] of pages) {
      await page.goto(`/app/settings/${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(loaded).first().waitFor();
      const width = await page.evaluate('document.documentElement.scrollWidth');
      assert.ok(typeof width === 'number' && width <= 375, `${title}: no sideways scrolling (page is ${String(width)} px wide)`);
      await screenshot(page, `settings-${path}-375px`);
    }
    await context.close();
  });
});
