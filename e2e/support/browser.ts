import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { BASE_URL, CHROMIUM_PATH } from './env';

// Debian's Chromium, never a downloaded one. Playwright gives every launch a fresh temporary profile
// (its own --user-data-dir); the flags keep Chromium from phoning home or needing a GPU or a sandbox
// (containers run as root).
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Session = { context: BrowserContext; page: Page; dialogs: string[] };

// A new visitor: own cookies and storage. Every JavaScript dialog (alert, confirm) is recorded and
// dismissed, so a test can assert that none fired — the app itself never opens one.
export async function newSession(browser: Browser, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'en-US', timezoneId: 'UTC', ...options });
  context.setDefaultTimeout(15_000);
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const page = await context.newPage();
  return { context, page, dialogs };
}
