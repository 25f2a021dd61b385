import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { fillSignup, newPerson, PASSWORD } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { BASE_URL } from './support/env';
import { screenshot } from './support/screenshots';

describe('public pages', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('keeps the cookie choice across reloads and lets it be changed from "Cookie settings"', async () => {
    const { context, page } = await newSession(browser);
    await page.goto('/');
    const banner = page.getByRole('region', { name: 'Cookie consent' });
    await banner.waitFor();
    await screenshot(page, 'landing-first-visit');
    // Nothing but essential cookies before a choice: on the public pages, none at all.
    assert.deepEqual(await context.cookies(), []);

    await banner.getByRole('button', { name: 'Essential only' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await banner.count(), 0, 'the banner stays away once a choice is made');

    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await banner.getByText('Your current choice: Essential only').waitFor();
    await banner.getByRole('button', { name: 'Accept analytics' }).click();
    await banner.waitFor({ state: 'detached' });

    await page.goto('/privacy');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await banner.count(), 0, 'the choice holds on other pages and after navigation');
    await page.getByRole('button', { name: 'Cookie settings' }).click();
    await banner.getByText('Your current choice: Accept analytics').waitFor();
    await banner.getByRole('button', { name: 'Close' }).click();
    await banner.waitFor({ state: 'detached' });
    await screenshot(page, 'privacy');
    await context.close();
  });

  it('refuses sign-up without the 18+ confirmation, in the form and on the server', async () => {
    const { context, page } = await newSession(browser);
    const signupRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/auth/signup')) signupRequests.push(request.method());
    });
    await page.goto('/signup');
    await page.getByRole('button', { name: 'Essential only' }).click();
    const person = newPerson();
    await fillSignup(page, person, { ageConfirmed: false });
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByText('You must be 18 or older to create an account').waitFor();
    const checkbox = page.getByLabel('I confirm I am 18 years or older');
    assert.equal(await checkbox.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'ageConfirmed', 'focus moves to the box to tick');
    assert.equal(new URL(page.url()).pathname, '/signup');
    assert.deepEqual(signupRequests, [], 'the form does not even ask the server');
    await screenshot(page, 'signup-refused-without-18-plus');

    // The server refuses on its own too, with or without the field.
    for (const ageConfirmed of [undefined, false]) {
      const response = await context.request.post('/api/v1/auth/signup', {
        headers: { origin: BASE_URL },
        data: { email: person.email, password: PASSWORD, name: person.name, workspaceName: person.workspaceName, ageConfirmed },
      });
      assert.equal(response.status(), 422);
      assert.equal((await response.json()).error.code, 'age_confirmation_required');
    }
    const login = await context.request.post('/api/v1/auth/login', { headers: { origin: BASE_URL }, data: { email: person.email, password: PASSWORD } });
    assert.equal(login.status(), 401, 'no account was created');
    await context.close();
  });

  it('renders the login page', async () => {
    const { context, page } = await newSession(browser);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await screenshot(page, 'login');
    await context.close();
  });
});
