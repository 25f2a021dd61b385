import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { screenshot } from './support/screenshots';
import { sandboxNumber, sessionApi, type SessionApi } from './support/session-api';
import { eventually } from './support/wait';

type Contact = { id: string; phone: string | null; name: string | null };
type CampaignView = { id: string; status: string; funnel: { total: number; sent: number; delivered: number } };

const EXTRA_CONTACTS = 17;

// The three simulated customers write in (so they become contacts), get marketing consent and the tag;
// more consenting contacts make the campaign last long enough at 2 messages/s to pause it midway.
async function prepareAudience(api: SessionApi): Promise<{ total: number; pnid: string }> {
  const sandbox = await sandboxNumber(api);
  assert.equal(sandbox.customers.length, 3);
  for (const c of sandbox.customers) {
    await api.call('POST', '/sandbox/graph/_sim/inbound', { phoneNumberId: sandbox.phoneNumberId, from: c.waId, profileName: c.name, type: 'text', text: { body: 'Hello!' } }, { 'x-sim-phone-key': sandbox.key });
  }
  for (let i = 0; i < EXTRA_CONTACTS; i += 1) await api.call('POST', '/api/v1/contacts', { phone: `+1415555${String(1000 + i)}`, name: `Customer ${i + 1}` });
  let contacts: Contact[] = [];
  await eventually(async () => {
    contacts = (await api.call<{ data: Contact[] }>('GET', '/api/v1/contacts?limit=200')).data;
    assert.equal(contacts.length, 3 + EXTRA_CONTACTS, 'the simulated customers became contacts');
  }, 20_000);
  for (const c of contacts) {
    await api.call('POST', `/api/v1/contacts/${c.id}/consent`, { purpose: 'marketing', granted: true, source: 'e2e' });
    await api.call('PATCH', `/api/v1/contacts/${c.id}`, { tags: ['spring'] });
  }
  // A slow number, so that the funnel visibly moves and the campaign can be paused while it runs.
  await api.call('PATCH', `/api/v1/channels/${sandbox.channelId}`, { throughputMps: 2 });
  return { total: contacts.length, pnid: sandbox.phoneNumberId };
}

async function approvedTemplate(api: SessionApi): Promise<string> {
  const name = `spring_offer_${randomBytes(3).toString('hex')}`;
  await api.call('POST', '/api/v1/templates', {
    name, language: 'en_US', category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Hi {{1}}, our spring offer is here: 20% off everything this week.', example: { body_text: [['Kim']] } }],
  });
  // The simulator reviews templates (about 1.5 s) and tells the product by webhook.
  await eventually(async () => {
    const { data } = await api.call<{ data: { name: string; status: string }[] }>('GET', '/api/v1/templates');
    assert.equal(data.find((t) => t.name === name)?.status, 'APPROVED');
  }, 20_000);
  return name;
}

const count = async (page: Page, stage: string) => Number(await page.getByTestId(`funnel-${stage}`).textContent());

describe('campaigns', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('creates a campaign with the wizard, starts it, and its funnel moves live; pause and resume', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await signUp(page, newPerson('Kim Fisher', 'Spring Bakery'));
    const api = await sessionApi(page);
    const [{ total }, templateName] = await Promise.all([prepareAudience(api), approvedTemplate(api)]);

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();
    await page.getByText('No campaigns yet.').waitFor();
    await page.getByRole('link', { name: 'New campaign' }).click();

    // 1. Template, with its variable filled per contact.
    await page.getByLabel('Campaign name').fill('Spring offer');
    await page.getByLabel('Approved template').selectOption({ label: `${templateName} (en_US, marketing)` });
    await page.getByRole('button', { name: /Use the contact’s name/ }).click();
    assert.equal(await page.getByLabel('Body variable {{1}}').inputValue(), '{{contact.name}}');
    await page.getByRole('group', { name: 'Message preview' }).getByText('Hi {{contact.name}}, our spring offer').waitFor();
    await screenshot(page, 'campaign-wizard-template');
    await page.getByRole('button', { name: 'Next: audience' }).click();

    // 2. Audience by tag.
    await page.getByRole('heading', { name: '2. Audience' }).waitFor();
    await page.getByLabel('Contacts with tags').check();
    await page.getByRole('group', { name: 'Tags' }).getByLabel('spring').check();
    await page.getByRole('button', { name: 'Next: schedule' }).click();

    // 3. Now. 4. Review: the server's draft with the recipients and the cost estimate.
    await page.getByRole('heading', { name: '3. Schedule' }).waitFor();
    await page.getByRole('button', { name: 'Next: review' }).click();
    await page.getByRole('heading', { name: '4. Review' }).waitFor();
    await page.getByText(`${total} of ${total} contacts`).waitFor();
    const estimate = await page.getByTestId('cost-estimate').textContent();
    assert.match(estimate ?? '', /\$\d+\.\d+/, `a cost estimate: ${estimate}`);
    assert.notEqual(estimate, '$0.00');
    await screenshot(page, 'campaign-wizard-review');

    let navigations = 0;
    await page.getByRole('button', { name: 'Start campaign' }).click();
    await page.waitForURL((url) => /^\/app\/campaigns\/(?!new$)[^/]+$/.test(url.pathname));
    const campaignId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: /Spring offer/ }).waitFor();
    page.on('framenavigated', (frame) => void (frame === page.mainFrame() && (navigations += 1)));
    // Statuses arrive several a second; the page gathers them and refetches the campaign at most every 750 ms.
    const refetchedAt: number[] = [];
    page.on('request', (request) => void (request.method() === 'GET' && new URL(request.url()).pathname === `/api/v1/campaigns/${campaignId}` && refetchedAt.push(Date.now())));

    // The funnel moves without a reload.
    const progress = page.getByRole('progressbar', { name: 'Campaign progress' });
    assert.equal(await progress.getAttribute('aria-valuemax'), String(total));
    await eventually(async () => assert.ok((await count(page, 'sent')) >= 2, 'sends appear'), 20_000);
    await eventually(async () => assert.ok((await count(page, 'delivered')) >= 1, 'deliveries appear'), 20_000);

    // Pause midway: the few messages already queued go out, then nothing more.
    await page.getByRole('button', { name: 'Pause the campaign' }).click();
    await page.getByRole('button', { name: 'Resume the campaign' }).waitFor();
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Paused/);
    let paused = await api.call<CampaignView>('GET', `/api/v1/campaigns/${campaignId}`);
    await eventually(async () => {
      const before = paused.funnel.sent;
      await page.waitForTimeout(1500);
      paused = await api.call<CampaignView>('GET', `/api/v1/campaigns/${campaignId}`);
      assert.equal(paused.funnel.sent, before, 'no more sends while paused');
    }, 15_000);
    assert.equal(paused.status, 'paused');
    assert.ok(paused.funnel.sent < total, `paused before the end (${paused.funnel.sent} of ${total})`);
    await eventually(async () => assert.equal(await count(page, 'sent'), paused.funnel.sent));
    await screenshot(page, 'campaign-paused');

    await page.getByRole('button', { name: 'Resume the campaign' }).click();
    await eventually(async () => {
      assert.equal(await count(page, 'sent'), total);
      assert.equal(await progress.getAttribute('aria-valuenow'), String(total));
    }, 30_000);
    await eventually(async () => assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Completed/), 15_000);
    await eventually(async () => assert.ok((await count(page, 'delivered')) >= total - 3, 'most delivered'), 15_000);
    assert.equal(navigations, 0, 'the funnel updated without a reload');
    const gaps = refetchedAt.slice(1).map((at, i) => at - refetchedAt[i]!);
    assert.ok(gaps.length >= 2, `the page refetched live (${refetchedAt.length} refetches)`);
    // 500 rather than 750: the browser reports its requests to the test with some delay of its own.
    assert.ok(Math.min(...gaps) >= 500, `one refetch per burst of events, not one per event (gaps: ${gaps.join(', ')} ms)`);
    await screenshot(page, 'campaign-completed');

    // The list shows it with its status and progress.
    await page.getByRole('link', { name: '← All campaigns' }).click();
    const item = page.getByRole('listitem').filter({ hasText: 'Spring offer' });
    await item.getByText('Completed').waitFor();
    assert.equal(await item.getByRole('progressbar').getAttribute('aria-valuenow'), String(total));
    await screenshot(page, 'campaigns-list');
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  it('keeps the campaigns pages usable on a 375 px wide phone screen', async () => {
    const { context, page } = await newSession(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await signUp(page, newPerson());
    for (const [path, title] of [['/app/campaigns', 'Campaigns'], ['/app/campaigns/new', 'New campaign']] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const width = await page.evaluate('document.documentElement.scrollWidth');
      assert.ok(typeof width === 'number' && width <= 375, `${title}: no sideways scrolling (page is ${String(width)} px wide)`);
    }
    await page.getByText('No approved template yet.').waitFor();
    await screenshot(page, 'campaign-wizard-375px');
    await context.close();
  });
});
