import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

// The workspace's sandbox number as the customer-phone page sees it, and the calls a test makes
// on the signed-in user's behalf (the page's own cookies) or as a simulated customer.
export type SandboxNumber = { channelId: string; phoneNumberId: string; key: string; phoneUrl: string; customers: { waId: string; name: string }[] };

async function json<T>(response: { ok(): boolean; status(): number; text(): Promise<string>; json(): Promise<unknown> }, what: string): Promise<T> {
  if (!response.ok()) assert.fail(`${what}: HTTP ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function sandboxNumber(page: Page): Promise<SandboxNumber> {
  const channels = await json<{ data: { id: string; sandbox: boolean }[] }>(await page.request.get('/api/v1/channels'), 'list channels');
  const channel = channels.data.find((c) => c.sandbox);
  assert.ok(channel, 'the workspace has a sandbox channel');
  const { url } = await json<{ url: string }>(await page.request.get(`/api/v1/channels/${channel.id}/sandbox-phone`), 'sandbox phone url');
  const params = new URL(url, 'http://x').searchParams;
  const phoneNumberId = params.get('phoneNumberId') ?? '';
  const key = params.get('key') ?? '';
  const info = await json<{ customers: { waId: string; name: string }[] }>(
    await page.request.get(`/sandbox/graph/_sim/phone/${phoneNumberId}`, { headers: { 'x-sim-phone-key': key } }),
    'sandbox customers',
  );
  return { channelId: channel.id, phoneNumberId, key, phoneUrl: url, customers: info.customers };
}

/** A customer sends a message (POST /_sim/inbound); `timestamp` (Unix seconds) may lie in the past. */
export async function customerSends(page: Page, number: SandboxNumber, from: string, message: Record<string, unknown>): Promise<string> {
  const answer = await json<{ wamid: string }>(
    await page.request.post('/sandbox/graph/_sim/inbound', { headers: { 'x-sim-phone-key': number.key }, data: { phoneNumberId: number.phoneNumberId, from, ...message } }),
    'inject an inbound message',
  );
  return answer.wamid;
}

/** A mutating API call with the session's CSRF token. */
export async function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  const me = await json<{ csrfToken: string }>(await page.request.get('/api/v1/me'), 'me');
  return json<T>(await page.request.post(`/api/v1${path}`, { headers: { 'x-csrf-token': me.csrfToken }, data: body }), `POST ${path}`);
}
