import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { screenshot } from './support/screenshots';
import { sandboxNumber, sessionApi } from './support/session-api';
import { eventually } from './support/wait';

const WELCOME = 'Welcome to Fisher Bakery! We answer within the hour.';
const PRICES = 'Our prices are on fisherbakery.example/prices.';

describe('settings: automation', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('saves the workspace settings and keyword replies, which then answer a customer', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await signUp(page, newPerson('Kim Fisher', 'Fisher Bakery'));
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Automation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Automation' }).waitFor();

    // The defaults: the opt-out confirmation is on, with a text.
    const optOut = page.getByRole('group', { name: 'Opt-out confirmation' });
    assert.equal(await optOut.getByLabel('Send it').isChecked(), true);
    assert.ok((await optOut.getByLabel('Text').inputValue()).length > 0);

    // An enabled message without a text is refused by the server, and the page says why.
    const away = page.getByRole('group', { name: 'Away message' });
    await away.getByLabel('Send it').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('alert').filter({ hasText: /awayMessage/ }).waitFor();
    await away.getByLabel('Send it').uncheck();

    const welcome = page.getByRole('group', { name: 'Welcome message' });
    await welcome.getByLabel('Send it').check();
    await welcome.getByLabel('Text').fill(WELCOME);
    await page.getByLabel('Time zone').fill('Europe/Madrid');
    await page.getByLabel('Mark messages as read (blue ticks) when an agent opens the conversation').check();
    await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await page.getByRole('group', { name: 'Saturday, hours 1' }).getByLabel('Opens').fill('10:00');
    await page.getByRole('group', { name: 'Saturday, hours 1' }).getByLabel('Closes').fill('14:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await screenshot(page, 'settings-automation');

    // Kept: a fresh load shows what was saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Automation' }).waitFor();
    assert.equal(await page.getByRole('group', { name: 'Welcome message' }).getByLabel('Text').inputValue(), WELCOME);
    assert.equal(await page.getByLabel('Time zone').inputValue(), 'Europe/Madrid');
    assert.equal(await page.getByRole('group', { name: 'Saturday, hours 1' }).getByLabel('Opens').inputValue(), '10:00');
    assert.equal(await page.getByLabel('Mark messages as read (blue ticks) when an agent opens the conversation').isChecked(), true);

    // Keyword replies: add, edit, and later delete.
    await page.getByText('No keyword replies yet.').waitFor();
    await page.getByText('Add a keyword reply').click();
    const replies = page.getByRole('region', { name: 'Keyword replies' });
    await replies.getByLabel('Keywords').fill('price, prices');
    await replies.getByLabel('Match when').selectOption('contains');
    await replies.getByLabel('Reply').fill('Prices: see the website.');
    await replies.getByRole('button', { name: 'Add keyword reply' }).click();
    const item = replies.getByRole('listitem').filter({ hasText: 'price, prices' });
    await item.getByText('Prices: see the website.').waitFor();
    await item.getByRole('button', { name: /^Edit/ }).click();
    await item.getByLabel('Reply').fill(PRICES);
    await item.getByRole('button', { name: 'Save keyword reply' }).click();
    await item.getByText(PRICES).waitFor();
    await screenshot(page, 'settings-automation-keyword-replies');

    // A customer's first message gets the welcome; one that mentions prices gets the keyword reply.
    const api = await sessionApi(page);
    const sandbox = await sandboxNumber(api);
    const customer = sandbox.customers[0]!;
    const key = { 'x-sim-phone-key': sandbox.key };
    await api.call('POST', '/sandbox/graph/_sim/inbound', { phoneNumberId: sandbox.phoneNumberId, from: customer.waId, profileName: customer.name, type: 'text', text: { body: 'Hi! What are your prices?' } }, key);
    await eventually(async () => {
      const chat = await api.call<{ items: unknown[] }>('GET', `/sandbox/graph/_sim/phone/${sandbox.phoneNumberId}/chats/${encodeURIComponent(customer.id)}`, undefined, key);
      const text = JSON.stringify(chat.items);
      assert.ok(text.includes(WELCOME), 'the welcome message reached the customer');
      assert.ok(text.includes(PRICES), 'the keyword reply reached the customer');
    }, 30_000);

    await item.getByRole('button', { name: /^Delete/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete keyword reply' }).click();
    await page.getByText('No keyword replies yet.').waitFor();
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  it('is usable on a 375 px wide phone screen', async () => {
    const { context, page } = await newSession(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await signUp(page, newPerson());
    await page.goto('/app/settings/automation');
    await page.getByRole('heading', { level: 1, name: 'Automation' }).waitFor();
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    assert.ok(typeof width === 'number' && width <= 375, `no sideways scrolling (page is ${String(width)} px wide)`);
    await screenshot(page, 'settings-automation-375px');
    await context.close();
  });
});
