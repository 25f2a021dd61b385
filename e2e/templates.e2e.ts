import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { newPerson, signUp } from './support/accounts';
import { launchBrowser, newSession } from './support/browser';
import { screenshot } from './support/screenshots';
import { eventually } from './support/wait';

type Template = { id: string; name: string; status: string | null; category: string | null };

describe('templates', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  it('shows the linter’s issues next to the fields, submits the fixed template, follows its approval live, previews it filled in, and syncs', async () => {
    const { context, page, dialogs } = await newSession(browser);
    await signUp(page, newPerson());
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await page.getByText('No templates yet.').waitFor();

    // Two broken rules: the name's characters and a body ending on a variable.
    const form = page.getByRole('region', { name: 'Create a template' });
    await form.getByLabel('Name').fill('Order Ready');
    await form.getByLabel('Category').selectOption('UTILITY');
    await form.getByLabel('Body').fill('Your order is ready, {{1}}');
    await form.getByLabel('Example for {{1}}').fill('Ana');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    const name = form.getByLabel('Name');
    await eventually(async () => assert.equal(await name.getAttribute('aria-invalid'), 'true'));
    await form.getByText('lower-case letters, digits and underscores, at most 512').waitFor();
    await form.getByText('the body may not start or end with a variable').waitFor();
    assert.equal(await form.getByLabel('Body').getAttribute('aria-invalid'), 'true');
    // The keyboard is taken to the first field to fix.
    assert.equal(await page.evaluate('document.activeElement?.id'), 'template-name');
    // The preview fills in the example.
    await form.getByRole('complementary', { name: 'Preview' }).getByText('Your order is ready, Ana').waitFor();
    await screenshot(page, 'templates-lint-issues');

    const templateName = `order_ready_${randomBytes(3).toString('hex')}`;
    await name.fill(templateName);
    await form.getByLabel('Body').fill('Hello {{1}}, your order is ready for pickup.');
    await form.getByLabel('Footer (optional)').fill('Reply STOP to opt out');
    await form.getByRole('button', { name: 'Add a button' }).click();
    await form.getByLabel('Button 1 text').fill('Thanks');
    await form.getByRole('button', { name: 'Submit for review' }).click();
    await form.getByText(`Template ${templateName} (en_US) submitted`).waitFor();
    assert.equal(await name.inputValue(), '', 'the form is emptied for the next template');

    // Listed at once; Meta's (the simulator's) approval arrives by webhook and shows without a reload.
    const row = page.getByRole('region', { name: 'Templates, scrollable' }).getByRole('row').filter({ hasText: templateName });
    await row.waitFor();
    await row.getByText('Utility'.toUpperCase()).waitFor();
    await row.getByText('Approved', { exact: true }).waitFor({ timeout: 20_000 });
    await page.getByText(`Template ${templateName} (en_US): Approved.`).waitFor();
    const { data } = (await (await context.request.get('/api/v1/templates')).json()) as { data: Template[] };
    assert.equal(data.find((t) => t.name === templateName)?.status, 'APPROVED');

    // The server fills the template as a send would; an empty variable is listed, not invented.
    await row.getByRole('button', { name: `Preview ${templateName} (en_US)` }).click();
    const panel = page.getByRole('region', { name: 'Templates, scrollable' }).locator('.template-preview-panel');
    await panel.getByRole('button', { name: 'Show preview' }).click();
    await panel.getByText('Not filled in: body.1.').waitFor();
    await panel.getByLabel('Body {{1}}').fill('Ana');
    await panel.getByRole('button', { name: 'Show preview' }).click();
    await panel.getByText('Hello Ana, your order is ready for pickup.').waitFor();
    await panel.getByText('Every variable is filled in.').waitFor();
    await screenshot(page, 'templates-list');

    // Sync pulls the account's templates (here the one just created) and says how many.
    await page.getByRole('button', { name: 'Sync from WhatsApp' }).click();
    await page.getByText('Synced 1 template from your WhatsApp Business Account.').waitFor();
    await row.getByText('Approved', { exact: true }).waitFor();
    assert.deepEqual(dialogs, []);
    await context.close();
  });

  it('is usable on a 375 px wide phone screen', async () => {
    const { context, page } = await newSession(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await signUp(page, newPerson());
    await page.goto('/app/templates');
    await page.getByText('No templates yet.').waitFor();
    const width = await page.evaluate('document.documentElement.scrollWidth');
    assert.ok(typeof width === 'number' && width <= 375, `no sideways scrolling (page is ${String(width)} px wide)`);
    await screenshot(page, 'templates-375px');
    await context.close();
  });
});
