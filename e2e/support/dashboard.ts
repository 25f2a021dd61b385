import type { Page } from 'playwright-core';

/** Signs out through the user menu of the top bar. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').locator('.shell-user-button').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
}
