import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { logIn, newPerson, PASSWORD, signUp } from './support/accounts';
import { signOut } from './support/dashboard';
import { launchBrowser, newSession } from './support/browser';
import { XSS_PAYLOAD } from './support/env';
import { screenshot } from './support/screenshots';

describe('accounts', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('signs up into a dashboard that shows the workspace and the sandbox banner, then logs out and back in', async () => {
    const { context, page } = await newSession(browser);
    const person = newPerson('Kim Fisher', 'Fisher Bakery');
    await signUp(page, person);

    const header = page.getByRole('banner');
    await header.getByText('Fisher Bakery').waitFor();
    await header.getByText('Role: owner').waitFor();
    const sandbox = page.getByRole('note', { name: 'Sandbox mode' });
    await sandbox.getByText('Messages go to simulated customers, not real WhatsApp.').waitFor();
    await screenshot(page, 'dashboard-overview');

    await signOut(page);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/app/settings');
    await page.waitForURL('**/login?next=%2Fapp%2Fsettings');

    await logIn(page, person.email, `${PASSWORD}!`);
    await page.getByRole('alert').getByText('That email and password do not match an account').waitFor();
    await logIn(page, person.email);
    await page.waitForURL('**/app/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByText(person.email).waitFor();
    await context.close();
  });

  it('shows names as text, never as HTML', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await signUp(page, newPerson(XSS_PAYLOAD, XSS_PAYLOAD));

    const header = page.getByRole('banner');
    assert.equal(await header.locator('.workspace-name').textContent(), XSS_PAYLOAD);
    assert.equal(await header.locator('.user-name').textContent(), XSS_PAYLOAD);
    await page.getByRole('heading', { level: 1 }).getByText(XSS_PAYLOAD).waitFor();
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('definition').getByText(XSS_PAYLOAD).first().waitFor();
    // Give a would-be onerror handler time to run.
    await page.waitForTimeout(500);
    assert.equal(await page.locator('img').count(), 0, 'no <img> element was created from the name');
    assert.deepEqual(dialogs, []);
    await screenshot(page, 'settings-account-with-html-in-names');
    await context.close();
  });
});
