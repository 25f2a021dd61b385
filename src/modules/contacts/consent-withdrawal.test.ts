import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobCatalog, startJobRunner } from '../../platform/jobs';
import { startSenderHarness } from '../../test-support/sender-harness';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import type { ConsentRow } from './consent.repository';
import { contactJobHandlers } from './jobs';
import { verifyConsentChain } from './record-consent';

// A customer's own withdrawal of marketing consent (STOP, or stopping marketing in WhatsApp) wins
// over whatever the business imports or writes, until the customer opts in again themselves or the
// business records proof of consent collected after the withdrawal. Every writer goes through the
// ledger's one write path, and campaigns and sends read the ledger.

let t: TestApp;
let api: HttpClient;
let workspaceId: string;
let h: Awaited<ReturnType<typeof startSenderHarness>>;

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  workspaceId = owner.workspaceId;
  h = await startSenderHarness(t, api, { label: 'campaign' });
  await h.graph.createTemplate({ name: 'spring_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Spring offer for {{1}}!', example: { body_text: [['Ann']] } }] } as never);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await api.post('/api/v1/templates/sync', {})).status, 200);
});
after(async () => {
  await h?.close();
  await t?.close();
});

type ImportView = { status: string; errorCount: number; noticeCount: number; notices: { line: number; column: string; code: string; message: string }[] };
type Contact = { id: string; marketingConsent: boolean };

async function importCsv(csv: string): Promise<ImportView> {
  const uploaded = await api.request('POST', '/api/v1/contacts/import', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
  assert.equal(uploaded.status, 202, uploaded.text);
  const runner = startJobRunner({ db: t.container.database.db, clock: t.container.clock, logger: t.container.logger, catalog: { contactImport: jobCatalog.contactImport }, handlers: contactJobHandlers(t.container.contacts), autoStart: false });
  await runner.drain();
  await runner.stop();
  return (await api.get(`/api/v1/contacts/imports/${(uploaded.body as { importId: string }).importId}`)).body as ImportView;
}

const contact = async (phone: string) => ((await api.get(`/api/v1/contacts?q=${encodeURIComponent(phone)}`)).body as { data: Contact[] }).data[0]!;
const ledger = async (id: string) => ((await api.get(`/api/v1/contacts/${id}/consent`)).body as { data: { granted: boolean; source: string; proof: unknown }[] }).data;
const grant = (id: string, proof?: { collectedAt: string; method: string; reference: string }) => api.post(`/api/v1/contacts/${id}/consent`, { purpose: 'marketing', granted: true, source: 'crm', ...(proof ? { proof } : {}) });
const offer = { name: 'spring_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'you' }] }] };

test('after a STOP, an import and an API write saying yes are kept out; campaigns skip the contact and sends are refused', async () => {
  const first = await importCsv('phone,name,marketing_consent\n+14155550601,Ann,yes\n');
  assert.equal(first.noticeCount, 0);
  const ann = await contact('+14155550601');
  assert.equal(ann.marketingConsent, true);

  await h.inbound('14155550601', 'STOP');
  assert.equal((await contact('+14155550601')).marketingConsent, false);

  const again = await importCsv('phone,name,marketing_consent\n+14155550699,Zed,yes\n+14155550601,Ann,yes\n');
  assert.deepEqual([again.status, again.errorCount, again.noticeCount], ['completed', 0, 1]);
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(again.notices, [{ line: 3, column: 'marketing_consent', code: 'consent_withdrawn_by_customer', message: `Kept opted out: the customer withdrew marketing consent themselves on ${today}.` }]);
  assert.equal((await contact('+14155550699')).marketingConsent, true, 'the other row is imported with its consent');

  const refused = await grant(ann.id);
  assert.equal(refused.status, 409);
  const error = (refused.body as { error: { code: string; message: string; details: { withdrawnAt: string } } }).error;
  assert.equal(error.code, 'consent_withdrawn_by_customer');
  assert.match(error.message, /withdrew marketing consent themselves on \d{4}-\d{2}-\d{2}/);
  const stale = await grant(ann.id, { collectedAt: new Date(Date.parse(error.details.withdrawnAt) - 60_000).toISOString(), method: 'web_form', reference: 'form-41' });
  assert.equal(stale.status, 409, 'proof collected before the withdrawal does not count');
  assert.deepEqual((await ledger(ann.id)).map((e) => [e.granted, e.source]), [[true, 'import'], [false, 'keyword']], 'nothing was written over the STOP');
  assert.equal((await contact('+14155550601')).marketingConsent, false);

  const campaign = await api.post('/api/v1/campaigns', { name: 'Spring', template: offer, audience: { contactIds: [ann.id] } });
  assert.equal(campaign.status, 201, campaign.text);
  const funnel = (campaign.body as { funnel: { total: number; skipped: number; skippedByReason: Record<string, number> } }).funnel;
  assert.deepEqual([funnel.total, funnel.skipped, funnel.skippedByReason.no_marketing_consent], [1, 1, 1]);
  const send = await api.post('/api/v1/messages', { contactId: ann.id, type: 'template', template: { ...offer, language: { code: 'en_US' } } });
  assert.equal(send.status, 409, send.text);
  assert.equal((send.body as { error: { code: string } }).error.code, 'consent_required');
  await h.settle();
  assert.equal(h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient['14155550601'] ?? 0, 0, 'nothing was sent to Ann');
});

test("Meta's marketing stop wins too; proof collected after it, or the customer's own START, grants again", async () => {
  await importCsv('phone,name,marketing_consent\n+14155550602,Bo,yes\n+14155550603,Cy,yes\n');
  const at = Math.floor(Date.now() / 1000);
  for (const waId of ['14155550602', '14155550603']) {
    h.sim.engine.emitWebhook({ phoneNumberId: h.number.phoneNumberId, field: 'user_preferences', value: { contacts: [{ wa_id: waId, profile: { name: 'x' } }], user_preferences: [{ wa_id: waId, detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: at }] } });
  }
  await h.settle();
  const bo = await contact('+14155550602');
  const cy = await contact('+14155550603');
  assert.equal((await grant(bo.id)).status, 409);
  assert.equal((await importCsv('phone,marketing_consent\n+14155550602,1\n')).noticeCount, 1);

  const proof = { collectedAt: new Date().toISOString(), method: 'double_opt_in', reference: 'optin-7781' };
  const granted = await grant(bo.id, proof);
  assert.equal(granted.status, 201, granted.text);
  assert.deepEqual((granted.body as { proof: unknown }).proof, proof);
  assert.equal((await contact('+14155550602')).marketingConsent, true);
  assert.equal((await api.post(`/api/v1/contacts/${bo.id}/consent`, { purpose: 'marketing', granted: true, proof: { ...proof, collectedAt: new Date(Date.now() + 3_600_000).toISOString() } })).status, 422, 'proof from the future');

  assert.equal((await grant(cy.id)).status, 409);
  await h.inbound('14155550603', 'START');
  assert.equal((await contact('+14155550603')).marketingConsent, true, "the customer's own opt-in");
  await h.inbound('14155550603', 'STOP');
  const afterStart = await importCsv('phone,marketing_consent\n+14155550603,no\n');
  assert.equal(afterStart.noticeCount, 0, 'a business may always record a withdrawal');
  const chain = await sql<ConsentRow>`select * from consent_entries where workspace_id = ${workspaceId} order by contact_id, purpose, seq`.execute(t.container.database.db);
  assert.ok(verifyConsentChain(chain.rows), 'every chain, proofs included, verifies');
  assert.ok(!verifyConsentChain(chain.rows.map((r) => (r.proof_reference ? { ...r, proof_reference: 'forged' } : r))), 'a changed proof breaks the chain');
});
