import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request, type Browser } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { BASE_URL } from './support/env';
import { screenshot } from './support/screenshots';
import { eventually } from './support/wait';

// Calls the API with a key only: no cookies of the signed-in browser.
async function statusWithKey(key: string): Promise<number> {
  const api = await request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  try {
    return (await api.get('/api/v1/channels')).status();
  } finally {
    await api.dispose();
  }
}

describe('settings: API keys and audit log', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('creates a key shown once, revokes it after confirmation, and verifies the audit chain', async () => {
    const { context, page } = await newSession(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await signUp(page, newPerson());
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByText('No API keys yet.').waitFor();

    const create = page.getByRole('region', { name: 'Create a key' });
    await create.getByRole('button', { name: 'Create key' }).click();
    await create.getByText('Name the key after what will use it').waitFor();
    await create.getByLabel('Name').fill('Shop backend');
    await create.getByLabel('Role').selectOption('agent');
    await create.getByRole('button', { name: 'Create key' }).click();

    const notice = page.getByRole('region', { name: /Your new key/ });
    await notice.getByText('it will not be shown again').waitFor();
    const key = await notice.getByLabel('API key').inputValue();
    assert.match(key, /^wgp_/);
    await notice.getByRole('button', { name: 'Copy API key' }).click();
    await notice.getByText('Copied to the clipboard.').waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), key);
    await screenshot(page, 'settings-api-key-created');
    assert.equal(await statusWithKey(key), 200);

    await notice.getByRole('button', { name: 'I have copied the key' }).click();
    await notice.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Keys', 'focus moves on to the list of keys');
    assert.equal(await page.getByText(key).count(), 0, 'the key is never shown again');
    const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Shop backend' }) });
    const prefix = await row.locator('code').textContent();
    assert.ok(prefix && key.startsWith(prefix), `the list shows the key's prefix (${prefix})`);
    await row.getByText('agent', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Revoke Shop backend' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the key “Shop backend”?' });
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await row.getByRole('heading').getByText('Revoked', { exact: true }).waitFor();
    await eventually(async () => assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Keys'));
    assert.equal(await row.getByRole('button', { name: /Revoke/ }).count(), 0);
    assert.equal(await statusWithKey(key), 401, 'a revoked key is refused');
    await screenshot(page, 'settings-api-keys');

    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit log' }).click();
    const events = page.getByRole('region', { name: 'Events' });
    await events.getByText('api_key.created').waitFor();
    await events.getByText('channel.sandbox_connected').waitFor();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByRole('status').getByText(/Valid: all \d+ entries are intact/).waitFor();
    await screenshot(page, 'settings-audit-log');
    await context.close();
  });
});
