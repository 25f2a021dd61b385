import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { XSS_PAYLOAD } from './support/env';
import { apiPost, customerSends, sandboxNumber, type SandboxNumber } from './support/sandbox-api';
import { screenshot } from './support/screenshots';
import { eventually } from './support/wait';

// One workspace for the file; each test talks with a different simulated customer.
describe('inbox', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dialogs: string[];
  let number: SandboxNumber;

  before(async () => {
    browser = await launchBrowser();
    ({ context, page, dialogs } = await newSession(browser, { viewport: { width: 1280, height: 900 } }));
    await signUp(page, newPerson('Ana Agent', 'Agent Bakery'));
    number = await sandboxNumber(page);
    assert.equal(number.customers.length, 3);
  });
  after(async () => {
    await context.close();
    await browser.close();
  });

  const conversations = () => page.getByRole('list', { name: 'Conversations' });
  const thread = () => page.getByRole('log', { name: 'Messages' });

  it('shows a customer message live, and the reply reaches the customer phone', async () => {
    const customer = number.customers[0]!;
    await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await page.getByText('No conversations match these filters.').waitFor();

    // A new conversation appears in the list without a reload…
    await customerSends(page, number, customer.waId, { type: 'text', text: { body: 'Hi! Is the sourdough ready?' } });
    await conversations().getByRole('link', { name: new RegExp(customer.name) }).click();
    await thread().getByText('Hi! Is the sourdough ready?').waitFor();
    await page.waitForURL(/\/app\/inbox\/[\w-]+$/);

    // …and a message in the open thread too.
    await customerSends(page, number, customer.waId, { type: 'text', text: { body: 'I can pick it up at five.' } });
    await thread().getByText('I can pick it up at five.').waitFor();

    await page.getByLabel('Reply', { exact: true }).fill('Yes, it is ready for you.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = thread().locator('.message-out', { hasText: 'Yes, it is ready for you.' });
    await sent.waitFor();
    // The ticks move on by themselves as the statuses arrive.
    await sent.getByText(/^(Sent|Delivered|Read)$/).waitFor();
    await screenshot(page, 'inbox-thread');

    const phone = await context.newPage();
    await phone.goto(number.phoneUrl);
    const select = phone.getByLabel('Simulated customer');
    await select.locator('option').nth(2).waitFor({ state: 'attached' });
    await select.selectOption(customer.waId);
    await phone.getByRole('log', { name: 'Conversation' }).getByText('Yes, it is ready for you.').waitFor();
    await screenshot(phone, 'inbox-reply-on-customer-phone');
    await phone.close();
  });

  it('renders a message that looks like HTML as text', async () => {
    const customer = number.customers[1]!;
    await customerSends(page, number, customer.waId, { type: 'text', text: { body: XSS_PAYLOAD } });
    await conversations().getByRole('link', { name: new RegExp(customer.name) }).click();
    await thread().getByText(XSS_PAYLOAD, { exact: true }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await thread().locator('img').count(), 0, 'no <img> element was created from the message');
    assert.deepEqual(dialogs, []);
  });

  it('offers templates instead of free text once the 24-hour window has closed', async () => {
    const created = await apiPost<{ id: string }>(page, '/templates', {
      name: 'order_ready',
      language: 'en_US',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hello {{1}}, your order is ready.', example: { body_text: [['Kim']] } }],
    });
    await eventually(async () => {
      const list = (await (await page.request.get('/api/v1/templates?limit=200')).json()) as { data: { id: string; status: string | null }[] };
      assert.equal(list.data.find((t) => t.id === created.id)?.status, 'APPROVED');
    }, 15_000);

    const customer = number.customers[2]!;
    const dayAndTwoHoursAgo = Math.floor(Date.now() / 1000) - 26 * 3600;
    await customerSends(page, number, customer.waId, { type: 'text', text: { body: 'Are you open on Sunday?' }, timestamp: dayAndTwoHoursAgo });
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await page.getByLabel('Status').selectOption('');
    await conversations().getByRole('link', { name: new RegExp(customer.name) }).click();
    await thread().getByText('Are you open on Sunday?').waitFor();

    await page.getByText(/The 24-hour window closed/).waitFor();
    assert.equal(await page.getByLabel('Reply', { exact: true }).count(), 0, 'no free-text composer outside the window');
    await page.getByLabel('Template').selectOption({ label: 'order_ready (en_US)' });
    await page.getByLabel('Body {{1}}').fill('Kim');
    await page.getByRole('region', { name: 'Preview' }).getByText('Hello Kim, your order is ready.').waitFor();
    await screenshot(page, 'inbox-template-composer');
    await page.getByRole('button', { name: 'Send template' }).click();
    await thread().getByText(/Template “order_ready”/).waitFor();
  });

  it('shows one pane at a time on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.getByRole('link', { name: 'Back to conversations' }).click();
    await conversations().waitFor();
    assert.equal(await page.getByRole('log', { name: 'Messages' }).count(), 0, 'the thread is not shown beside the list');
    await conversations().getByRole('link', { name: new RegExp(number.customers[0]!.name) }).click();
    await thread().getByText('Yes, it is ready for you.').waitFor();
    assert.equal(await conversations().isVisible(), false, 'the list is hidden while a thread is open');
    await screenshot(page, 'inbox-phone-thread');
  });
});
