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
    const sent = thread().locator('.message-out', { hasText: 'Template “order_ready”' });
    await sent.getByText('Hello Kim, your order is ready.').waitFor();
    await sent.getByText(/^(Sent|Delivered|Read)$/).waitFor();
  });

  it('keeps internal notes, assigns, resolves and reopens, and filters by assignee and status', async () => {
    const customer = number.customers[0]!;
    const row = () => conversations().getByRole('link', { name: new RegExp(customer.name) });
    await row().click();
    await page.getByRole('heading', { level: 2, name: customer.name }).waitFor();

    await page.getByText('Internal notes').click();
    await page.getByLabel('New note (only your team sees it)').fill('Call her back after five.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.inbox-note-list').getByText('Call her back after five.').waitFor();

    await page.getByLabel('Assigned to').selectOption({ label: 'Ana Agent (you)' });
    await page.getByRole('button', { name: 'Mine', exact: true }).click();
    await row().waitFor();
    await page.getByRole('button', { name: 'Unassigned', exact: true }).click();
    await eventually(async () => assert.equal(await row().count(), 0, 'an assigned conversation is not listed as unassigned'));

    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await page.getByRole('button', { name: 'Mine', exact: true }).click();
    await page.getByLabel('Status').selectOption('open');
    await eventually(async () => assert.equal(await row().count(), 0, 'a resolved conversation is not listed as open'));
    await page.getByLabel('Status').selectOption('resolved');
    await row().waitFor();
    await screenshot(page, 'inbox-resolved');
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    await page.getByLabel('Status').selectOption('');
  });

  it('shows a failed send with its reason', async () => {
    const customer = number.customers[0]!;
    await conversations().getByRole('link', { name: new RegExp(customer.name) }).click();
    await page.waitForURL(/\/app\/inbox\/[\w-]+$/);
    const conversationId = new URL(page.url()).pathname.split('/').pop()!;
    const conversation = (await (await page.request.get(`/api/v1/conversations/${conversationId}`)).json()) as { contactId: string; channelId: string };
    // A media id this number never uploaded: Meta accepts the send, then reports it failed (131053).
    await apiPost(page, '/messages', { contactId: conversation.contactId, channelId: conversation.channelId, type: 'image', image: { id: '999999999', caption: 'Our menu' } });
    const failed = thread().locator('.message-failed', { hasText: 'Our menu' });
    await failed.getByRole('note').waitFor();
    assert.match(await failed.getByRole('note').innerText(), /999999999/, 'the failure shows its details');
    await failed.getByText('Failed', { exact: true }).waitFor();
    await screenshot(page, 'inbox-failed-send');
  });

  it('finds customers by name and messages by their words', async () => {
    const customer = number.customers[0]!;
    await page.getByLabel('Search customers and messages').fill(customer.name.split(' ')[0]!);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('list', { name: 'Matching customers' }).getByRole('link', { name: new RegExp(customer.name) }).waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.getByLabel('Search customers and messages').fill('sourdough');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = page.getByRole('list', { name: 'Matching messages' }).getByRole('link', { name: /Hi! Is the sourdough ready\?/ });
    await hit.click();
    await thread().getByText('Hi! Is the sourdough ready?').waitFor();
    await page.getByRole('button', { name: 'Clear search' }).click();
    await conversations().waitFor();
  });

  it('applies labels and inserts canned responses that an admin defined', async () => {
    const customer = number.customers[0]!;
    await apiPost(page, '/labels', { name: 'VIP', color: '#0b6e4f' });
    await apiPost(page, '/canned-responses', { shortcut: 'hours', text: 'We are open from 8 to 18, every day.' });
    await page.reload();
    const row = () => conversations().getByRole('link', { name: new RegExp(customer.name) });
    await row().click();
    await page.getByRole('heading', { level: 2, name: customer.name }).waitFor();
    // The box follows the server: it shows checked once the PATCH has been stored and refetched.
    const vip = page.getByRole('group', { name: 'Labels' }).getByLabel('VIP');
    await vip.click();
    await eventually(async () => assert.equal(await vip.isChecked(), true));
    await row().getByText('VIP').waitFor();

    const reply = page.getByLabel('Reply', { exact: true });
    await reply.fill('/hou');
    await page.getByRole('list', { name: 'Canned responses' }).getByRole('button', { name: /\/hours/ }).click();
    assert.equal(await reply.inputValue(), 'We are open from 8 to 18, every day.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await thread().locator('.message-out', { hasText: 'We are open from 8 to 18, every day.' }).waitFor();
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
