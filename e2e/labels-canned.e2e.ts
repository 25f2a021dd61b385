import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeInboxWorkspace, conversationList, messageLog, openConversationWith, openInboxWorkspace, type InboxWorkspace } from './support/inbox';
import { screenshot } from './support/screenshots';
import { eventually } from './support/wait';

// Labels and canned responses made on their settings screens, then used in a conversation.
describe('labels and canned responses', () => {
  let workspace: InboxWorkspace;
  before(async () => {
    workspace = await openInboxWorkspace({ viewport: { width: 1366, height: 768 } });
  });
  after(() => closeInboxWorkspace(workspace));

  it('creates, renames and deletes labels, and a form error clears as soon as it is fixed', async () => {
    const { page } = workspace;
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Labels' }).click();
    await page.getByRole('heading', { level: 1, name: 'Labels' }).waitFor();
    await page.getByRole('button', { name: 'Add label' }).click();
    const error = page.getByText('Type a name for the label');
    await error.waitFor();
    await page.getByLabel('Label name').fill('V');
    assert.equal(await error.count(), 0, 'the error went as soon as the field was fixed');
    await page.getByLabel('Label name').fill('Wholesale');
    await page.getByRole('button', { name: 'Add label' }).click();
    await page.getByRole('heading', { level: 3, name: 'Wholesale' }).waitFor();
    await page.getByLabel('Label name').fill('Wholesale');
    await page.getByRole('button', { name: 'Add label' }).click();
    await page.getByRole('alert').getByText('already exists').waitFor();

    await page.getByRole('button', { name: 'Rename or recolour Wholesale' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Wholesale' }).getByLabel('Label name').fill('VIP');
    await page.getByRole('button', { name: 'Save label' }).click();
    await page.getByRole('heading', { level: 3, name: 'VIP' }).waitFor();
    await page.getByLabel('Label name').fill('Old');
    await page.getByRole('button', { name: 'Add label' }).click();
    await page.getByRole('button', { name: 'Delete Old' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete label' }).click();
    await eventually(async () => assert.equal(await page.getByRole('heading', { level: 3, name: 'Old' }).count(), 0));
    await screenshot(page, 'settings-labels');
  });

  it('creates a canned response', async () => {
    const { page } = workspace;
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Canned responses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Canned responses' }).waitFor();
    await page.getByLabel('Shortcut').fill('hours');
    await page.getByLabel('Reply text').fill('We are open from 8 to 18, every day.');
    await page.getByRole('button', { name: 'Add canned response' }).click();
    await page.getByRole('heading', { level: 3, name: '/hours' }).waitFor();
    await screenshot(page, 'settings-canned-responses');
  });

  it('puts the label on a conversation and inserts the canned response with "/"', async () => {
    const { page, number } = workspace;
    const customer = number.customers[0]!;
    await openConversationWith(page, number, customer, 'When are you open?');
    const vip = page.getByRole('group', { name: 'Labels' }).getByLabel('VIP');
    await vip.click();
    await eventually(async () => assert.equal(await vip.isChecked(), true));
    await conversationList(page).getByRole('link', { name: new RegExp(customer.name) }).getByText('VIP').waitFor();

    const reply = page.getByLabel('Reply', { exact: true });
    await reply.fill('/');
    await page.getByRole('list', { name: 'Canned responses' }).getByRole('button', { name: /\/hours/ }).click();
    assert.equal(await reply.inputValue(), 'We are open from 8 to 18, every day.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await messageLog(page).locator('.message-out', { hasText: 'We are open from 8 to 18, every day.' }).waitFor();
  });
});
