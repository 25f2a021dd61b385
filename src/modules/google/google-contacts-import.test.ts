import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { googleSandboxOf } from '../../main/sandbox';
import { startWorker } from '../../main/worker';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { GoogleSandbox, SandboxContact } from '../../../simulator';
import { TestBrowser } from './testing/browser';
import { consentAt, finishCallback } from './testing/google-flows';

// Google Contacts import over real HTTP: incremental authorization for contacts.readonly alone,
// the sandbox People API read page by page, a preview, then the CSV import's own path.

let t: TestApp;
let google: GoogleSandbox;
const SUB = '108236471195829999';
before(async () => {
  t = await startTestApp({ WHATSAPP_MODE: 'sandbox' });
  google = googleSandboxOf(t.app)!;
  google.addUser({ sub: SUB, email: 'importer@sandbox-google.test', emailVerified: true, name: 'Ima Porter' });
});
after(async () => t.close());

type Preview = { totalRows: number; validRows: number; withoutPhone: number; errorCount: number; errors: { line: number; code: string; name: string | null }[]; sample: { name: string | null; phone: string }[] };
type ImportView = { status: string; totalRows: number; created: number; errorCount: number; errors: { line: number; code: string }[] };

/** 2,500 contacts: every 100th repeats the number before it, every 250th (from the 125th) has no usable number, 5 have none. */
function addressBook(): SandboxContact[] {
  return Array.from({ length: 2500 }, (_, i) => {
    const name = `Contact ${i} "Ñandú", Jr.`;
    if (i % 250 === 124) return { name, phones: ['ask at the front desk'] };
    if (i < 5) return { name, phones: [] };
    const n = i % 100 === 99 ? i - 1 : i;
    return { name, phones: [`+1 (415) 55${String(n).padStart(5, '0')}`] };
  });
}

async function signedIn() {
  const owner = await t.signUp();
  const browser = new TestBrowser(t.url);
  const login = await browser.request('/api/v1/auth/login', { method: 'POST', json: { email: owner.email, password: owner.password } });
  assert.equal(login.status, 200);
  await browser.loadCsrf();
  return { browser, owner };
}

test('2,500 contacts across pages: previewed with per-row errors, imported through the CSV path, no consent granted', async () => {
  google.setContacts(SUB, addressBook());
  const { browser, owner } = await signedIn();
  const started = await browser.request('/api/v1/google/contacts-imports', { method: 'POST' });
  assert.equal(started.status, 200, await started.clone().text());
  const authorize = new URL(((await started.json()) as { authorizationUrl: string }).authorizationUrl);
  assert.equal(authorize.searchParams.get('scope'), 'https://www.googleapis.com/auth/contacts.readonly', 'exactly contacts.readonly');
  assert.equal(authorize.searchParams.get('access_type'), 'online');
  assert.equal(authorize.searchParams.get('include_granted_scopes'), null);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');

  const landing = await finishCallback(browser, await consentAt(browser, authorize.href, SUB));
  assert.equal(landing.pathname, '/app/contacts/import', landing.href);
  const previewId = landing.searchParams.get('googlePreview')!;
  const preview = (await (await browser.request(`/api/v1/google/contacts-previews/${previewId}`)).json()) as Preview;
  assert.equal(preview.totalRows, 2495);
  assert.equal(preview.withoutPhone, 5);
  const byCode = (errors: { code: string }[]) => errors.reduce<Record<string, number>>((n, e) => ({ ...n, [e.code]: (n[e.code] ?? 0) + 1 }), {});
  assert.deepEqual(byCode(preview.errors), { duplicate_phone: 25, invalid_phone: 10 });
  assert.equal(preview.validRows, 2495 - 35);
  const bad = preview.errors.find((e) => e.code === 'invalid_phone')!;
  assert.deepEqual([bad.line, bad.name], [124 - 5 + 2, 'Contact 124 "Ñandú", Jr.'], 'the line and the contact it came from');
  assert.equal(preview.sample[0]!.phone, '+14155500005');

  const confirmed = await browser.request(`/api/v1/google/contacts-previews/${previewId}/import`, { method: 'POST' });
  assert.equal(confirmed.status, 202);
  const { importId } = (await confirmed.json()) as { importId: string };
  const worker = startWorker(t.container);
  try {
    await worker.drain();
  } finally {
    await worker.stop();
  }
  const view = (await (await browser.request(`/api/v1/contacts/imports/${importId}`)).json()) as ImportView;
  assert.equal(view.status, 'completed');
  assert.equal(view.totalRows, 2495);
  assert.equal(view.created, 2460);
  assert.deepEqual(byCode(view.errors), { duplicate_phone: 25, invalid_phone: 10 });
  assert.deepEqual(view.errors.map((e) => e.line).sort((a, b) => a - b), preview.errors.map((e) => e.line).sort((a, b) => a - b), 'the same rows the preview showed');

  const db = t.container.database.db;
  const consent = await sql<{ n: number }>`select count(*)::int as n from consent_entries where workspace_id = ${owner.workspaceId}`.execute(db);
  assert.equal(consent.rows[0]!.n, 0, 'an import never grants consent');
  const left = await sql<{ n: number }>`select count(*)::int as n from google_contact_previews where workspace_id = ${owner.workspaceId}`.execute(db);
  assert.equal(left.rows[0]!.n, 0, 'the preview is gone once imported');
  assert.equal((await browser.request(`/api/v1/google/contacts-previews/${previewId}`)).status, 404);
  const audit = await sql<{ details: Record<string, unknown> }>`select details from audit_events where workspace_id = ${owner.workspaceId} and action = 'google.contacts_read'`.execute(db);
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0]!.details.scope, 'https://www.googleapis.com/auth/contacts.readonly');
  assert.equal(audit.rows[0]!.details.contacts, 2500);
});

test('an agent cannot start an import; a cancelled preview is deleted; Google refusing access imports nothing', async () => {
  google.setContacts(SUB, [{ name: 'Solo', phones: ['+351912000111'] }]);
  const { browser } = await signedIn();
  const started = await browser.request('/api/v1/google/contacts-imports', { method: 'POST' });
  const authorizationUrl = ((await started.json()) as { authorizationUrl: string }).authorizationUrl;
  const landing = await finishCallback(browser, await consentAt(browser, authorizationUrl, SUB));
  const previewId = landing.searchParams.get('googlePreview')!;
  assert.equal((await browser.request(`/api/v1/google/contacts-previews/${previewId}`, { method: 'DELETE' })).status, 204);
  assert.equal((await browser.request(`/api/v1/google/contacts-previews/${previewId}/import`, { method: 'POST' })).status, 404);

  const again = await browser.request('/api/v1/google/contacts-imports', { method: 'POST' });
  const url = new URL(((await again.json()) as { authorizationUrl: string }).authorizationUrl);
  const callback = new URL('/api/v1/auth/google/callback', t.url);
  callback.searchParams.set('error', 'access_denied');
  callback.searchParams.set('state', url.searchParams.get('state')!);
  const refused = await finishCallback(browser, callback);
  assert.equal(refused.href, `${t.url}/app/contacts/import?googleError=google_refused`);

  const agent = await t.signUp();
  const api = await t.apiKey(agent.client, 'agent');
  assert.equal((await api.client.post('/api/v1/google/contacts-imports')).status, 403);
});
