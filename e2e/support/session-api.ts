import type { APIResponse, Page } from 'playwright-core';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type SessionApi = {
  call<T = unknown>(method: Method, path: string, body?: unknown, headers?: Record<string, string>): Promise<T>;
};

async function parse(response: APIResponse, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok()) throw new Error(`${what} → ${response.status()} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

// The API as the signed-in browser user: the page's cookies, plus the session's CSRF token that every
// cookie-authenticated change carries. For test set-up that the suite does not test through the UI.
export async function sessionApi(page: Page): Promise<SessionApi> {
  const me = (await parse(await page.request.get('/api/v1/me'), 'GET /api/v1/me')) as { csrfToken: string };
  return {
    async call<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await page.request.fetch(path, { method, headers: { 'x-csrf-token': me.csrfToken, ...headers }, ...(body === undefined ? {} : { data: body }) });
      return (await parse(response, `${method} ${path}`)) as T;
    },
  };
}

export type SandboxCustomer = { id: string; waId: string; name: string };

/** The workspace's sandbox number: its channel id, phone number id, phone key and simulated customers. */
export async function sandboxNumber(api: SessionApi) {
  const { data } = await api.call<{ data: { id: string; sandbox: boolean }[] }>('GET', '/api/v1/channels');
  const channel = data.find((c) => c.sandbox);
  if (!channel) throw new Error('the workspace has no sandbox channel');
  const { url } = await api.call<{ url: string }>('GET', `/api/v1/channels/${channel.id}/sandbox-phone`);
  const params = new URL(url).searchParams;
  const phoneNumberId = params.get('phoneNumberId')!;
  const key = params.get('key')!;
  const phone = await api.call<{ customers: SandboxCustomer[] }>('GET', `/sandbox/graph/_sim/phone/${phoneNumberId}`, undefined, { 'x-sim-phone-key': key });
  return { channelId: channel.id, phoneNumberId, key, customers: phone.customers };
}
