import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { XSS_PAYLOAD } from './support/env';
import { screenshot } from './support/screenshots';

const ARABIC = /[\u0600-\u06FF]/;
const EMOJI = /\p{Extended_Pictographic}/u;

// Clicks a button that opens a new tab and returns that tab once it shows the customer phone.
async function openPhone(page: Page, click: () => Promise<void>): Promise<Page> {
  const [phone] = await Promise.all([page.context().waitForEvent('page'), click()]);
  await phone.waitForURL((url) => url.pathname === '/sandbox/phone' && url.searchParams.has('phoneNumberId') && url.searchParams.has('key'));
  return phone;
}

describe('sandbox', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('opens the customer phone from the dashboard, with the three simulated customers', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await signUp(page, newPerson());
    const phone = await openPhone(page, () => page.getByRole('main').getByRole('button', { name: /Open the customer phone/ }).click());

    const customers = phone.getByLabel('Simulated customer').locator('option');
    await customers.nth(2).waitFor({ state: 'attached' });
    const names = await customers.allTextContents();
    assert.equal(names.length, 3, `three simulated customers, got ${names.join(' | ')}`);
    assert.ok(names.some((name) => ARABIC.test(name)), `one with an Arabic name: ${names.join(' | ')}`);
    assert.ok(names.some((name) => EMOJI.test(name)), `one with an emoji in the name: ${names.join(' | ')}`);

    // A customer's message is text, whatever it looks like.
    await phone.getByLabel('Message', { exact: true }).fill(XSS_PAYLOAD);
    await phone.getByRole('button', { name: 'Send message' }).click();
    await phone.getByRole('log', { name: 'Conversation' }).getByText(XSS_PAYLOAD).waitFor();
    await phone.waitForTimeout(500);
    assert.equal(await phone.locator('#messages img').count(), 0, 'no <img> element was created from the message');
    assert.deepEqual(dialogs, []);
    await screenshot(phone, 'sandbox-customer-phone');

    // The banner's link opens the same phone.
    const again = await openPhone(page, () => page.getByRole('note', { name: 'Sandbox mode' }).getByRole('button', { name: /Open the customer phone/ }).click());
    assert.equal(new URL(again.url()).searchParams.get('phoneNumberId'), new URL(phone.url()).searchParams.get('phoneNumberId'));
    await context.close();
  });
});
