import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { XSS_PAYLOAD } from './support/env';
import { screenshot } from './support/screenshots';
import { sessionApi } from './support/session-api';
import { eventually } from './support/wait';

type Contact = { id: string; name: string | null; phone: string | null; tags: string[]; attributes: Record<string, string>; marketingConsent: boolean };

describe('contacts', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('adds a contact, edits it, and records and withdraws marketing consent in its history', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await signUp(page, newPerson());
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await page.getByText('No contacts yet.').waitFor();

    // The phone number is required, and said so next to the field.
    const add = page.getByRole('region', { name: 'Add a contact' });
    await add.getByRole('button', { name: 'Add contact' }).click();
    await eventually(async () => assert.equal(await add.getByLabel('Phone number').getAttribute('aria-invalid'), 'true'));
    await add.getByLabel('Phone number').fill('+34 600 111 222');
    // A name is the customer's own text: shown as text, never as markup.
    await add.getByLabel('Name (optional)').fill(XSS_PAYLOAD);
    await add.getByLabel('Tags (optional)').fill('vip, newsletter');
    await add.getByRole('button', { name: 'Add contact' }).click();
    await page.waitForURL(/\/app\/contacts\/[0-9a-f-]{36}$/);
    const contactId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: XSS_PAYLOAD }).waitFor();
    assert.equal(await page.locator('main img').count(), 0);

    // Edit the name, tags and an attribute; the page and the API both show the change.
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByLabel('Name', { exact: true }).fill('Ana García');
    await details.getByLabel('Tags').fill('vip, spain');
    await details.getByRole('button', { name: 'Add an attribute' }).click();
    await details.getByLabel('Attribute 1 name').fill('city');
    await details.getByLabel('Attribute 1 value').fill('Madrid');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await details.getByText('Changes saved.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Ana García' }).waitFor();
    const saved = (await (await context.request.get(`/api/v1/contacts/${contactId}`)).json()) as Contact;
    assert.equal(saved.name, 'Ana García');
    assert.deepEqual(saved.tags, ['vip', 'spain']);
    assert.deepEqual(saved.attributes, { city: 'Madrid' });
    assert.equal(saved.phone, '+34600111222');

    // Consent: none yet; recorded with where it was given; then withdrawn. Both stay in the history.
    const consent = page.getByRole('region', { name: 'Marketing consent' });
    await consent.getByText('No consent recorded yet.').waitFor();
    await consent.getByLabel('Where the customer agreed (optional)').fill('signed the in-store form');
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await consent.getByText('Marketing consent recorded.').waitFor();
    const history = consent.getByRole('region', { name: 'History' });
    await history.getByRole('row').filter({ hasText: 'Granted' }).filter({ hasText: 'signed the in-store form' }).waitFor();
    await page.getByRole('definition').filter({ hasText: /^Given$/ }).waitFor();
    await consent.getByLabel('How the customer withdrew (optional)').fill('asked by phone');
    await consent.getByRole('button', { name: 'Record withdrawal' }).click();
    await history.getByRole('row').filter({ hasText: 'Withdrawn' }).filter({ hasText: 'asked by phone' }).waitFor();
    assert.equal(await history.getByRole('row').count(), 3, 'a header row and two ledger entries');
    await screenshot(page, 'contact-detail');

    // The list finds it by phone number, by the start of a name word and by tag; a tag in the table filters by that tag.
    await page.getByRole('link', { name: 'Contacts' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    const list = page.getByRole('region', { name: 'All contacts' });
    await list.getByRole('link', { name: 'Ana García' }).waitFor();
    const search = list.getByLabel('Name or phone number');
    await search.fill('+34600111222');
    await list.getByRole('button', { name: 'Search' }).click();
    await list.getByText('1 contact found.').waitFor();
    await search.fill('+34600999999');
    await list.getByRole('button', { name: 'Search' }).click();
    await list.getByText('No contact matches these filters.').waitFor();
    await search.fill('garc');
    await list.getByRole('button', { name: 'Search' }).click();
    await list.getByText('1 contact found.').waitFor();
    await list.getByRole('link', { name: 'Ana García' }).waitFor();
    await list.getByRole('button', { name: 'Clear filters' }).click();
    await list.getByRole('button', { name: 'Show contacts tagged spain' }).click();
    await list.getByText('1 contact found.').waitFor();
    assert.equal(await list.getByLabel('Tag', { exact: true }).inputValue(), 'spain');
    await screenshot(page, 'contacts-list');
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  it('shows the conversations of a customer who wrote in', async () => {
    const { context, page } = await newSession(browser);
    await signUp(page, newPerson());
    const [phone] = await Promise.all([context.waitForEvent('page'), page.getByRole('main').getByRole('button', { name: /Open the customer phone/ }).click()]);
    await phone.waitForURL((url) => url.pathname === '/sandbox/phone');
    await phone.getByLabel('Message', { exact: true }).fill('Hello, is my order ready?');
    await phone.getByRole('button', { name: 'Send message' }).click();

    type Conversation = { id: string; contactId: string };
    let conversation: Conversation | undefined;
    await eventually(async () => {
      const { data } = (await (await context.request.get('/api/v1/conversations')).json()) as { data: Conversation[] };
      conversation = data[0];
      assert.ok(conversation, 'the message opened a conversation');
    }, 20_000);
    await page.goto(`/app/contacts/${conversation!.contactId}`);
    const section = page.getByRole('region', { name: 'Conversations' });
    const link = section.getByRole('link', { name: /^Conversation started/ });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), `/app/inbox/${conversation!.id}`);
    await section.getByText(/^Open until/).waitFor();
    await screenshot(page, 'contact-conversations');
    await context.close();
  });

  it('imports a CSV file, reporting the bad row by line and column and importing the others', async () => {
    const { context, page } = await newSession(browser);
    await signUp(page, newPerson());
    const dir = mkdtempSync(join(tmpdir(), 'wgp-import-'));
    const file = join(dir, 'customers.csv');
    writeFileSync(file, [
      'phone,name,tags,marketing_consent,city',
      '+34600222001,Lucía Pérez,vip;newsletter,yes,Sevilla',
      'not a phone,Broken Row,,no,Nowhere',
      '+34600222003,Marc Vidal,newsletter,no,Girona',
      '',
    ].join('\n'));

    await page.goto('/app/contacts');
    await page.getByRole('link', { name: 'Import contacts from a CSV file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
    await page.getByRole('button', { name: 'Import contacts' }).click();
    await page.getByText('Choose a CSV file to import.').waitFor();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Import contacts' }).click();

    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    await page.getByText('Import complete: 2 created, 0 updated. 1 row was not imported').waitFor({ timeout: 30_000 });
    assert.equal(await progress.getAttribute('aria-valuenow'), '100');
    const errors = page.getByRole('region', { name: 'Rows not imported' });
    const rows = errors.getByRole('row');
    assert.equal(await rows.count(), 2, 'a header row and the one bad row');
    const cells = await rows.nth(1).getByRole('cell').allTextContents();
    assert.equal(cells[0], '3', 'the bad row is line 3 of the file (the header is line 1)');
    assert.equal(cells[1], 'phone');
    assert.ok(cells[2] && cells[2].length > 0, 'a reason is given');
    assert.ok(!cells[2]!.includes('not a phone'), 'the reason does not repeat the cell');
    await screenshot(page, 'contacts-import');

    // The two good rows are contacts, with their tags, attributes and consent.
    await page.getByRole('link', { name: 'See the contacts' }).click();
    const list = page.getByRole('region', { name: 'All contacts' });
    await list.getByRole('link', { name: 'Lucía Pérez' }).waitFor();
    await list.getByRole('link', { name: 'Marc Vidal' }).waitFor();
    const { data } = (await (await context.request.get('/api/v1/contacts')).json()) as { data: Contact[] };
    assert.equal(data.length, 2);
    const lucia = data.find((c) => c.name === 'Lucía Pérez')!;
    assert.deepEqual([...lucia.tags].sort(), ['newsletter', 'vip']);
    assert.deepEqual(lucia.attributes, { city: 'Sevilla' });
    assert.equal(lucia.marketingConsent, true);
    await context.close();
  });

  it('is usable on a 375 px wide phone screen', async () => {
    const { context, page } = await newSession(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await signUp(page, newPerson());
    // A contact with a long name and tags, so the list's table is drawn: it scrolls inside its region.
    await (await sessionApi(page)).call('POST', '/api/v1/contacts', { phone: '+14155550175', name: 'Maximiliana Wolfeschlegelsteinhausen', tags: ['wholesale', 'newsletter'] });
    for (const path of ['/app/contacts', '/app/contacts/import']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('button', { name: /Add contact|Import contacts/ }).waitFor();
      if (path === '/app/contacts') await page.getByRole('region', { name: 'Contacts, scrollable' }).getByRole('cell', { name: 'wholesale' }).waitFor();
      const width = await page.evaluate('document.documentElement.scrollWidth');
      assert.ok(typeof width === 'number' && width <= 375, `${path}: no sideways scrolling (page is ${String(width)} px wide)`);
    }
    await screenshot(page, 'contacts-import-375px');
    await page.goto('/app/contacts');
    await page.getByRole('region', { name: 'Contacts, scrollable' }).waitFor();
    await screenshot(page, 'contacts-list-375px');
    await context.close();
  });
});
