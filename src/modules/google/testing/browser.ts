/**
 * A browser tab for tests of the Google flows, over real HTTP: keeps cookies (by name), follows
 * redirects one by one, and stops where the dashboard (a page, not the API or the sandbox) would
 * take over, or where `stopAt` says.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly origin: string) {}

  async request(url: string, init: { method?: string; form?: Record<string, string>; json?: unknown } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    if (this.csrfToken && (init.method ?? 'GET') !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    const response = await this.send(new URL(url, this.origin), { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()));
      if (expired || value.join('=') === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }

  // A keep-alive connection the server closed while a test waited (a long import) fails the next
  // request with ECONNRESET before anything was sent: a GET is tried again once, as a browser does.
  private async send(url: URL, init: RequestInit & { method: string }): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (init.method !== 'GET' || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
      return fetch(url, init);
    }
  }

  /** Follows redirects from `url`; returns the first location not followed (a dashboard page, or `stopAt`'s match) and the last response. */
  async follow(url: string, init: Parameters<TestBrowser['request']>[1] = {}, stopAt: (location: URL) => boolean = () => false): Promise<{ location: URL; response: Response }> {
    let response = await this.request(url, init);
    let location = new URL(url, this.origin);
    while (response.status >= 300 && response.status < 400) {
      location = new URL(response.headers.get('location')!, location);
      const served = location.pathname.startsWith('/api/') || location.pathname.startsWith('/sandbox/');
      if (!served || stopAt(location)) return { location, response };
      response = await this.request(location.href);
    }
    return { location, response };
  }

  async loadCsrf(): Promise<void> {
    const me = await this.request('/api/v1/me');
    this.csrfToken = ((await me.json()) as { csrfToken?: string }).csrfToken;
  }

  snapshot(): Map<string, string> {
    return new Map(this.cookies);
  }
}

/** The interaction page's action (the account chooser posts there). */
export function chooserAction(html: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no account chooser in: ${html.slice(0, 200)}`);
  return action;
}
