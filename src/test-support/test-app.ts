import { randomBytes } from 'node:crypto';
import type { Clock } from '../platform/clock';
import { loadConfig } from '../platform/config';
import { createTestDatabase, type TestDatabase } from '../platform/db/test-database';
import { createLogger } from '../platform/logging';
import { buildApi } from '../main/api';
import { buildContainer, type Container } from '../main/container';
import type { AppInstance } from '../platform/http';
import { freePort } from './free-port';
import { HttpClient } from './http-client';

export interface TestApp {
  url: string;
  app: AppInstance;
  container: Container;
  database: TestDatabase;
  /** A client with no credentials. */
  anonymous: HttpClient;
  /** Signs up a new person with their own workspace; returns a cookie-authenticated client. */
  signUp(overrides?: Partial<{ email: string; password: string; name: string; workspaceName: string }>): Promise<{ client: HttpClient; workspaceId: string; userId: string; email: string; password: string }>;
  /** An API key of the given role in the workspace of `owner`. */
  apiKey(owner: HttpClient, role?: 'owner' | 'admin' | 'agent' | 'analyst'): Promise<{ client: HttpClient; id: string; key: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** The real product on a private database, listening on a free port: tests speak real HTTP to it. `clock`: time as the product reads it (default the system's). */
export async function startTestApp(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // The port is chosen first, so PUBLIC_URL (and the sandbox's URLs built from it) are right.
  const port = await freePort();
  // Tests connect channels and webhooks to simulators on loopback: private targets are allowed
  // unless a test turns the outbound-address guard on (OUTBOUND_ALLOW_PRIVATE_URLS: 'false').
  const config = loadConfig({ MASTER_KEY: randomBytes(32).toString('base64'), DATA_DIR: database.dataDir ?? 'tmp/unused', LOG_LEVEL: 'silent', WHATSAPP_MODE: 'cloud', PORT: String(port), OUTBOUND_ALLOW_PRIVATE_URLS: 'true', ...env });
  const container = await buildContainer(config, createLogger({ level: config.logLevel }), { database, ...(options.clock ? { clock: options.clock } : {}) });
  const app = await buildApi(container);
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}`;
  const anonymous = new HttpClient(url);

  return {
    url,
    app,
    container,
    database,
    anonymous,
    async signUp(overrides = {}) {
      counter += 1;
      const email = overrides.email ?? `person${counter}-${randomBytes(3).toString('hex')}@example.com`;
      const password = overrides.password ?? 'correct horse battery';
      const client = new HttpClient(url);
      const response = await client.post('/api/v1/auth/signup', { email, password, name: overrides.name ?? `Person ${counter}`, workspaceName: overrides.workspaceName ?? `Workspace ${counter}`, ageConfirmed: true });
      if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
      await client.loadCsrf();
      const body = response.body as { workspaceId: string; userId: string };
      return { client, workspaceId: body.workspaceId, userId: body.userId, email, password };
    },
    async apiKey(owner, role = 'owner') {
      const response = await owner.post('/api/v1/api-keys', { name: `${role} key`, role });
      if (response.status !== 201) throw new Error(`API key creation failed: ${response.status} ${JSON.stringify(response.body)}`);
      const body = response.body as { id: string; key: string };
      return { client: new HttpClient(url, { bearer: body.key }), id: body.id, key: body.key };
    },
    async close() {
      await app.close();
      await container.close();
    },
  };
}
