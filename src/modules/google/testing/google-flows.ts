import type { TestBrowser } from './browser';
import { chooserAction } from './browser';

const isCallback = (u: URL) => u.pathname === '/api/v1/auth/google/callback';

/**
 * Drives a browser from a Google authorization URL through the sandbox provider's account
 * chooser (choosing `sub`) to the callback, not fetched: the test decides what to do with it.
 */
export async function consentAt(browser: TestBrowser, authorizationUrl: string, sub: string): Promise<URL> {
  const chooser = await browser.follow(authorizationUrl, {}, isCallback);
  if (isCallback(chooser.location)) return chooser.location;
  const html = await chooser.response.text();
  const back = await browser.follow(chooserAction(html), { method: 'POST', form: { sub } }, isCallback);
  if (!isCallback(back.location)) throw new Error(`did not come back to the callback: ${back.location.href} ${back.response.status}`);
  return back.location;
}

/** "Sign in with Google" up to the callback. */
export async function signInUpToCallback(browser: TestBrowser, sub: string): Promise<URL> {
  const start = await browser.request('/api/v1/auth/google/start');
  return consentAt(browser, start.headers.get('location')!, sub);
}

/** The dashboard page the callback sends the browser to. */
export async function finishCallback(browser: TestBrowser, callback: URL): Promise<URL> {
  return (await browser.follow(callback.href)).location;
}
