import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeInboxWorkspace, conversationList, openConversationWith, openInboxWorkspace, type InboxWorkspace } from './support/inbox';
import { box, MAIN_PAGES, visit } from './support/pages';
import { screenshot } from './support/screenshots';

// The app shell at a laptop's and a phone's size: where the navigation sits, where the content starts,
// and a screenshot of every main page at both sizes.
describe('layout at 1366×768', () => {
  let workspace: InboxWorkspace;
  before(async () => {
    workspace = await openInboxWorkspace({ viewport: { width: 1366, height: 768 } });
  });
  after(() => closeInboxWorkspace(workspace));

  it('puts the sidebar beside the content and the inbox list near the top of the screen', async () => {
    const { page, number } = workspace;
    await openConversationWith(page, number, number.customers[0]!, 'Do you deliver on Saturdays?');
    await page.goto('/app/inbox');
    await conversationList(page).waitFor();
    const nav = await box(page, 'nav[aria-label="Dashboard"]');
    const main = await box(page, 'main');
    assert.ok(nav.x + nav.width <= main.x + 1, `the sidebar (right edge ${nav.x + nav.width}) is left of the content (${main.x})`);
    assert.ok(nav.y < main.y + main.height && nav.y + nav.height > main.y, 'the sidebar sits beside the content, not above it');
    assert.ok(nav.height > 400, `the sidebar runs down the screen (${nav.height} px tall)`);
    const firstRow = await conversationList(page).getByRole('link').first().boundingBox();
    assert.ok(firstRow && firstRow.y <= 120, `the first conversation starts ${firstRow?.y} px from the top`);
  });

  it('collapses the sidebar to icons and back, and remembers it', async () => {
    const { page } = workspace;
    const before = (await box(page, 'nav[aria-label="Dashboard"]')).width;
    await page.getByRole('button', { name: 'Collapse the menu' }).click();
    const collapsed = (await box(page, 'nav[aria-label="Dashboard"]')).width;
    assert.ok(collapsed < before / 2, `collapsed to ${collapsed} px from ${before} px`);
    await page.reload();
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Inbox' }).waitFor();
    assert.equal((await box(page, 'nav[aria-label="Dashboard"]')).width, collapsed);
    await page.getByRole('button', { name: 'Expand the menu' }).click();
  });

  it('shows every main page', async () => {
    for (const target of MAIN_PAGES) {
      await visit(workspace.page, target);
      await screenshot(workspace.page, `desktop-${target.name}`);
    }
  });
});

describe('layout at 375×812', () => {
  let workspace: InboxWorkspace;
  before(async () => {
    workspace = await openInboxWorkspace({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  });
  after(() => closeInboxWorkspace(workspace));

  it('keeps the navigation at the bottom and the content at the top', async () => {
    const { page } = workspace;
    for (const target of MAIN_PAGES) {
      await visit(page, target);
      const main = await box(page, 'main');
      const nav = await box(page, 'nav[aria-label="Dashboard"]');
      assert.ok(main.y < 100, `${target.name}: the content starts ${main.y} px from the top`);
      assert.ok(nav.y >= 812 - 80, `${target.name}: the navigation is a bar at the bottom (top at ${nav.y} px)`);
      await screenshot(page, `phone-${target.name}`);
    }
  });

  it('shows the messages and the reply box on the first screen of a conversation', async () => {
    const { page, number } = workspace;
    await openConversationWith(page, number, number.customers[1]!, 'Is the shop open today?');
    const reply = await page.getByLabel('Reply', { exact: true }).boundingBox();
    const nav = await box(page, 'nav[aria-label="Dashboard"]');
    assert.ok(reply && reply.y > 0 && reply.y + reply.height <= nav.y, `the reply box (${reply?.y}–${reply && reply.y + reply.height} px) is above the navigation (${nav.y} px)`);
    await screenshot(page, 'phone-conversation');
  });
});
