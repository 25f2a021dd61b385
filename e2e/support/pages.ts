import type { Page } from 'playwright-core';

// The dashboard's main pages, each with the heading that says it has loaded.
export const MAIN_PAGES: readonly { name: string; path: string; heading: RegExp }[] = [
  { name: 'overview', path: '/app', heading: /Welcome/ },
  { name: 'inbox', path: '/app/inbox', heading: /^Inbox$/ },
  { name: 'contacts', path: '/app/contacts', heading: /^Contacts$/ },
  { name: 'templates', path: '/app/templates', heading: /^Templates$/ },
  { name: 'campaigns', path: '/app/campaigns', heading: /^Campaigns$/ },
  { name: 'settings', path: '/app/settings', heading: /^Settings$/ },
  { name: 'settings-labels', path: '/app/settings/labels', heading: /^Labels$/ },
  { name: 'settings-canned-responses', path: '/app/settings/canned-responses', heading: /^Canned responses$/ },
  { name: 'settings-automation', path: '/app/settings/automation', heading: /^Automation$/ },
];

export async function visit(page: Page, target: (typeof MAIN_PAGES)[number]): Promise<void> {
  await page.goto(target.path);
  await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
}

/** Where an element is on screen (the viewport's coordinates). */
export async function box(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}
