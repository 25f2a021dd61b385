export interface TestResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A tiny HTTP client for tests that keeps the session cookie and CSRF token like a browser tab. */
export class HttpClient {
  private cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string, private readonly auth: { bearer?: string } = {}) {}

  async request(method: string, path: string, options: { body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.auth.bearer) headers.authorization = `Bearer ${this.auth.bearer}`;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    let body: string | Buffer | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, { headers });
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, { body, headers });
  patch = (path: string, body?: unknown) => this.request('PATCH', path, { body });
  delete = (path: string) => this.request('DELETE', path);

  /** A multipart/form-data POST, encoded as a browser would (boundary in the Content-Type). */
  async postForm(path: string, form: FormData, headers: Record<string, string> = {}): Promise<TestResponse> {
    const encoded = new Response(form);
    const rawBody = Buffer.from(await encoded.arrayBuffer());
    return this.request('POST', path, { rawBody, headers: { 'content-type': encoded.headers.get('content-type')!, ...headers } });
  }

  async loadCsrf(): Promise<void> {
    const me = await this.get('/api/v1/me');
    this.csrfToken = (me.body as { csrfToken?: string }).csrfToken;
  }
}
