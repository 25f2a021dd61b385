import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../../platform/config';
import { createTestDatabase } from '../../platform/db/test-database';
import { redactedPaths } from '../../platform/logging';
import { freePort } from '../../test-support/free-port';
import { buildApi } from '../../main/api';
import { buildContainer, type Container } from '../../main/container';
import { googleSandboxOf } from '../../main/sandbox';
import { startWorker } from '../../main/worker';
import type { AppInstance } from '../../platform/http';
import { TestBrowser } from './testing/browser';
import { consentAt, finishCallback, signInUpToCallback } from './testing/google-flows';

// A raw scan: after a sign-up through Google, an import, a cancelled preview and a disconnect,
// every column of every table (jobs included) and every log line at trace level hold no Google
// token, authorization code or People API payload: only the link's `sub` and the imported
// contacts (encrypted) remain.

const logLines: string[] = [];
const seen: string[] = [];
let container: Container;
let app: AppInstance;
let url: string;
const SUB = '108236471195827777';
const NAMES = ['Zephyrine Quarrowby', 'Obadiah Fennimore'];
const PHONES = ['+351 912 777 404', '+44 7700 900 777'];
const CANCELLED = 'Wilhelmina Thistlewood';

before(async () => {
  const database = await createTestDatabase();
  const port = await freePort();
  const config = loadConfig({ MASTER_KEY: randomBytes(32).toString('base64'), DATA_DIR: database.dataDir ?? 'tmp/unused', LOG_LEVEL: 'trace', WHATSAPP_MODE: 'sandbox', PORT: String(port) });
  const logger = pino({ level: 'trace', name: 'whatgrow', redact: { paths: redactedPaths, censor: '[redacted]' }, base: undefined }, new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) }));
  container = await buildContainer(config, logger, { database });
  app = await buildApi(container);
  await app.listen({ port, host: '127.0.0.1' });
  url = `http://127.0.0.1:${port}`;
  // Everything Google answers, and every code sent to it, is what must not be kept.
  const real = container.google.http;
  container.google.http = {
    close: real.close,
    async fetch(target, init) {
      if (typeof init?.body === 'string' || init?.body instanceof URLSearchParams) seen.push(...(new URLSearchParams(init.body).getAll('code')));
      const response = await real.fetch(target, init);
      const text = await response.clone().text();
      if (target.endsWith('/token')) {
        const body = JSON.parse(text) as { access_token?: string; id_token?: string };
        seen.push(...[body.access_token, body.id_token].filter((v): v is string => !!v));
      }
      if (target.includes('/connections')) seen.push(...[...text.matchAll(/"(people\/c\d+|%[\w-]{10,})"/g)].map((m) => m[1]!));
      return response;
    },
  };
});
after(async () => {
  await app?.close();
  await container?.close();
});

test('no Google token, code or People API payload is stored, logged or queued', async () => {
  const google = googleSandboxOf(app)!;
  google.addUser({ sub: SUB, email: 'scan@sandbox-google.test', emailVerified: true, name: 'Scan Owner' });
  const browser = new TestBrowser(url);
  await finishCallback(browser, await signInUpToCallback(browser, SUB));
  assert.equal((await browser.request('/api/v1/auth/google/signup', { method: 'POST', json: { workspaceName: 'Scan', ageConfirmed: true, policyVersion: '2026-11-24' } })).status, 201);
  await browser.loadCsrf();

  const importFromGoogle = async () => {
    const started = (await (await browser.request('/api/v1/google/contacts-imports', { method: 'POST' })).json()) as { authorizationUrl: string };
    return (await finishCallback(browser, await consentAt(browser, started.authorizationUrl, SUB))).searchParams.get('googlePreview')!;
  };
  google.setContacts(SUB, [{ name: CANCELLED, phones: ['+49 151 5555 0303'] }]);
  const cancelled = await importFromGoogle();
  assert.equal((await browser.request(`/api/v1/google/contacts-previews/${cancelled}`, { method: 'DELETE' })).status, 204);
  google.setContacts(SUB, NAMES.map((name, i) => ({ name, phones: [PHONES[i]!] })));
  const previewId = await importFromGoogle();
  assert.equal((await browser.request(`/api/v1/google/contacts-previews/${previewId}/import`, { method: 'POST' })).status, 202);
  const worker = startWorker(container);
  await worker.drain();
  await worker.stop();
  const disconnect = (await (await browser.request('/api/v1/auth/google/disconnect', { method: 'POST' })).json()) as { authorizationUrl: string };
  assert.equal((await finishCallback(browser, await consentAt(browser, disconnect.authorizationUrl, SUB))).href, `${url}/app/settings?google=disconnected`);

  assert.ok(seen.length >= 8, `tokens, codes and resource names were captured (${seen.length})`);
  const secrets = [...seen, ...NAMES, CANCELLED, ...PHONES.map((p) => p.replace(/\D/g, '')), '4915155550303', 'phoneNumbers', 'canonicalForm'];
  const db = container.database.db;
  const { rows: tables } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db);
  assert.ok(tables.some((t) => t.table_name === 'jobs') && tables.some((t) => t.table_name === 'google_links'));
  for (const { table_name } of tables) {
    const { rows } = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table_name)} t`.execute(db);
    const text = rows.map((r) => r.j).join('\n');
    for (const secret of secrets) assert.ok(!text.includes(secret), `${table_name} holds "${secret.slice(0, 24)}…" in plaintext`);
  }
  const logs = logLines.join('');
  assert.ok(logLines.length > 20);
  for (const secret of secrets) assert.ok(!logs.includes(secret), `a log line holds "${secret.slice(0, 24)}…"`);
  const { rows: links } = await sql<{ n: number }>`select count(*)::int as n from google_links`.execute(db);
  assert.equal(links[0]!.n, 0, 'disconnected: not even the sub is left');
});
