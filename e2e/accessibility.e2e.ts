import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { closeInboxWorkspace, openConversationWith, openInboxWorkspace, type InboxWorkspace } from './support/inbox';
import { MAIN_PAGES, visit } from './support/pages';

// axe-core on every main page (and an open conversation) at a laptop's and a phone's size: no serious or
// critical violation.
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
}

for (const [label, options] of [
  ['1366×768', { viewport: { width: 1366, height: 768 } }],
  ['375×812', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }],
] as const) {
  describe(`accessibility at ${label}`, () => {
    let workspace: InboxWorkspace;
    before(async () => {
      workspace = await openInboxWorkspace(options);
    });
    after(() => closeInboxWorkspace(workspace));

    it('finds no serious or critical violation on the main pages', async () => {
      const found: string[] = [];
      for (const target of MAIN_PAGES) {
        await visit(workspace.page, target);
        found.push(...(await seriousViolations(workspace.page)).map((v) => `${target.path}: ${v}`));
      }
      const { page, number } = workspace;
      await openConversationWith(page, number, number.customers[0]!, 'Hello, is anyone there?');
      found.push(...(await seriousViolations(page)).map((v) => `conversation: ${v}`));
      assert.deepEqual(found, []);
    });
  });
}
