import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { newPerson, signUp } from './accounts';
import { launchBrowser, newSession } from './browser';
import { customerSends, sandboxNumber, type SandboxNumber } from './sandbox-api';

// One browser and one new workspace with its sandbox number, for a file of inbox tests.
export type InboxWorkspace = { browser: Browser; context: BrowserContext; page: Page; dialogs: string[]; number: SandboxNumber };

export async function openInboxWorkspace(options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }): Promise<InboxWorkspace> {
  const browser = await launchBrowser();
  const { context, page, dialogs } = await newSession(browser, options);
  await signUp(page, newPerson('Ana Agent', 'Agent Bakery'));
  return { browser, context, page, dialogs, number: await sandboxNumber(page) };
}

export async function closeInboxWorkspace(workspace: InboxWorkspace): Promise<void> {
  await workspace.context.close();
  await workspace.browser.close();
}

export const conversationList = (page: Page) => page.getByRole('list', { name: 'Conversations' });
export const messageLog = (page: Page) => page.getByRole('log', { name: 'Messages' });

/** A customer writes, and the agent opens that conversation from the inbox. */
export async function openConversationWith(page: Page, number: SandboxNumber, customer: { waId: string; name: string }, text: string): Promise<void> {
  await customerSends(page, number, customer.waId, { type: 'text', text: { body: text } });
  if (!new URL(page.url()).pathname.startsWith('/app/inbox')) await page.goto('/app/inbox');
  await conversationList(page).getByRole('link', { name: new RegExp(customer.name) }).click();
  await messageLog(page).getByText(text).waitFor();
}
