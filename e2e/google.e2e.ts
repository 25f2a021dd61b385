import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chooseEssentialCookies } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { screenshot } from './support/screenshots';

// Google in sandbox mode: the in-process OpenID provider stands in for accounts.google.com and the
// simulator's People API for Google's. Ana Lima is one of the sandbox's Google accounts; her address
// book holds a dozen contacts, one saved twice and one whose "number" is not a number.

describe('Google sign-in and contacts import (sandbox)', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('signs up with Google (18+ required), imports contacts from Google, and disconnects', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await page.goto('/signup');
    await chooseEssentialCookies(page);
    await page.getByRole('link', { name: 'Sign up with Google' }).click();
    await page.getByRole('heading', { name: 'Choose an account' }).waitFor();
    await page.getByText('See your primary Google Account email address').waitFor();
    await page.getByRole('button', { name: /Continue as Ana Lima/ }).click();

    await page.waitForURL('**/signup/google');
    await page.getByText('ana.lima@sandbox-google.test').waitFor();
    await page.getByLabel('Workspace name').fill('Lima Florist');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('You must be 18 or older to create an account').waitFor();
    assert.ok(page.url().endsWith('/signup/google'), 'no account without the 18+ confirmation');
    await page.getByLabel('I confirm I am 18 years or older').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/app');
    const me = (await (await context.request.get('/api/v1/me')).json()) as { user: { email: string; name: string } };
    assert.deepEqual([me.user.email, me.user.name], ['ana.lima@sandbox-google.test', 'Ana Lima']);

    await page.goto('/app/contacts/import');
    const google = page.getByRole('region', { name: 'Import from Google Contacts' });
    await google.getByRole('button', { name: 'Import from Google' }).click();
    await page.getByText('See and download your contacts').waitFor();
    await page.getByRole('button', { name: /Continue as Ana Lima/ }).click();
    await page.waitForURL(/\/app\/contacts\/import\?googlePreview=/);
    await google.getByText('Read from Google: 12 phone numbers, 10 ready to import').waitFor();
    await google.getByText('2 numbers will not be imported').click();
    await google.getByRole('cell', { name: 'Jonas Weber' }).waitFor();
    await screenshot(page, 'google-import-preview');
    await google.getByRole('button', { name: 'Import 10 contacts' }).click();
    await page.waitForURL(/\/app\/contacts\/import\?id=/);
    await page.getByRole('link', { name: 'See the contacts' }).waitFor({ timeout: 30_000 });
    const contacts = (await (await context.request.get('/api/v1/contacts?limit=50')).json()) as { data: { name: string | null; marketingConsent: boolean }[] };
    assert.equal(contacts.data.length, 10);
    assert.ok(contacts.data.some((c) => c.name === 'Carla Mendes'));
    assert.ok(contacts.data.every((c) => !c.marketingConsent), 'an import never grants consent');

    await page.goto('/app/settings');
    const section = page.getByRole('region', { name: 'Google' });
    await section.getByText('What we use from Google, and why:').waitFor();
    await section.getByRole('button', { name: 'Disconnect Google' }).click();
    await page.getByRole('button', { name: /Continue as Ana Lima/ }).click();
    await page.waitForURL('**/app/settings?google=disconnected');
    await section.getByText('Google is disconnected').waitFor();
    await section.getByText('No Google account is linked.').waitFor();
    assert.deepEqual(dialogs, []);
  });
});
