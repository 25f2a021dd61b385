import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobCatalog } from '../../../platform/jobs';
import { startSenderHarness } from '../../../test-support/sender-harness';
import { startCampaignRunner } from '../../campaigns';
import type { ConsentRow } from '../consent.repository';
import { verifyConsentChain } from '../record-consent';
import { processContactImport } from './process-import';
import { startImportFixture, type ImportFixture } from './testing/import-fixture';

// CSV imports over real HTTP: the file is parsed by the worker's job, contacts are created or
// updated by phone, consent goes to the ledger, and a campaign's audience can be the import.
// The upload's own checks are in import-upload.test.ts.

let fx: ImportFixture;
let h: Awaited<ReturnType<typeof startSenderHarness>>;

before(async () => {
  fx = await startImportFixture();
  h = await startSenderHarness(fx.t, fx.api, { label: 'campaign', throughputMps: 80 });
  await h.graph.createTemplate({ name: 'import_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}!', example: { body_text: [['Ann']] } }] } as never);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await fx.api.post('/api/v1/templates/sync', {})).status, 200);
});
after(async () => {
  await h?.close();
  await fx?.close();
});

// Header = line 1. Bo's quoted name holds quotes, his city a line break (lines 3–4).
const FIRST = [
  '\uFEFFphone,Name,tags,marketing_consent,city',
  '+14155550201,"Lee, Ann",vip;spring,yes,Lisbon',
  '"+1 (415) 555-0202","Bo ""The Boss"" Diaz",vip|north,no,"Porto',
  'North"',
  'not-a-phone,Cy,,,',
  '1 415 555 0201,Dup,,,',
  '+14155550203,Eve,,maybe,',
  '+14155550204,Flo,,,,extra',
  '+14155550205,Gus,,,',
  '',
].join('\r\n');

let firstImport: string;

test('an import with quoted fields, a bad phone and a duplicate: counts, line numbers and codes are right; the file is deleted', async () => {
  firstImport = await fx.importFile(FIRST);
  const queued = await fx.status(firstImport);
  assert.equal(queued.status, 'queued');
  assert.equal(queued.totalRows, 7);
  assert.equal(queued.processedRows, 0);
  assert.equal(await fx.runImportJobs(), 1);

  const done = await fx.status(firstImport);
  assert.equal(done.status, 'completed');
  assert.deepEqual({ total: done.totalRows, processed: done.processedRows, created: done.created, updated: done.updated, errors: done.errorCount }, { total: 7, processed: 7, created: 3, updated: 0, errors: 4 });
  assert.deepEqual(done.errors.map((e) => [e.line, e.column, e.code]), [
    [5, 'phone', 'invalid_phone'],
    [6, 'phone', 'duplicate_phone'],
    [7, 'marketing_consent', 'invalid_marketing_consent'],
    [8, null, 'too_many_columns'],
  ]);
  const text = JSON.stringify(done.errors);
  for (const value of ['not-a-phone', 'maybe', 'extra', '0201']) assert.ok(!text.includes(value), `an error message echoes "${value}"`);
  assert.ok(done.completedAt);

  const [ann] = await fx.byPhone('+14155550201');
  assert.equal(ann?.name, 'Lee, Ann');
  assert.deepEqual(ann.tags, ['vip', 'spring']);
  assert.deepEqual(ann.attributes, { city: 'Lisbon' });
  assert.equal(ann.marketingConsent, true);
  const [bo] = await fx.byPhone('+14155550202');
  assert.equal(bo?.name, 'Bo "The Boss" Diaz');
  assert.deepEqual(bo.tags, ['vip', 'north']);
  assert.deepEqual(bo.attributes, { city: 'Porto\r\nNorth' });
  const boLedger = (await fx.api.get(`/api/v1/contacts/${bo.id}/consent`)).body as { data: { granted: boolean; source: string }[] };
  assert.deepEqual(boLedger.data.map((e) => [e.granted, e.source]), [[false, 'import']]);
  const [gus] = await fx.byPhone('+14155550205');
  assert.equal(((await fx.api.get(`/api/v1/contacts/${gus!.id}/consent`)).body as { data: unknown[] }).data.length, 0, 'empty consent: no entry');
  assert.equal((await fx.byPhone('+14155550203')).length, 0, 'a row with an error is not imported');

  const stored = await sql<{ csv: Buffer | null }>`select csv from contact_imports where id = ${firstImport}`.execute(fx.db());
  assert.equal(stored.rows[0]!.csv, null, 'the file is deleted once processed');
  const keys = await sql<{ n: string }>`select count(*) as n from crypto_data_keys where owner_type = 'contact_import' and owner_id = ${firstImport}`.execute(fx.db());
  assert.equal(Number(keys.rows[0]!.n), 0, "the file's key is shredded");
  const audit = await sql<{ target_id: string }>`select target_id from audit_events where workspace_id = ${fx.workspaceId} and action = 'contact.import'`.execute(fx.db());
  assert.deepEqual(audit.rows.map((r) => r.target_id), [firstImport]);
});

test('re-running an import job creates nothing new; a second import updates by phone and writes only consent changes', async () => {
  const contacts = await fx.count('contacts');
  const ledger = await fx.count('consent_entries');
  await processContactImport(fx.t.container.contacts, fx.workspaceId, firstImport);
  assert.equal(await fx.count('contacts'), contacts);
  assert.equal(await fx.count('consent_entries'), ledger);
  assert.equal((await fx.status(firstImport)).created, 3);

  // Two runs of the same import at once take turns batch by batch: every row applied once.
  const second = await fx.importFile('phone,name,marketing_consent,tier\n+14155550201,,no,gold\n+14155550202,,no,\n+14155550206,Hal,true,\n');
  await Promise.all([processContactImport(fx.t.container.contacts, fx.workspaceId, second), processContactImport(fx.t.container.contacts, fx.workspaceId, second), fx.runImportJobs()]);
  const done = await fx.status(second);
  assert.deepEqual([done.status, done.created, done.updated, done.errorCount], ['completed', 1, 2, 0]);
  assert.equal(await fx.count('contacts'), contacts + 1);
  assert.equal(await fx.count('consent_entries'), ledger + 2, "Ann's revocation and Hal's grant; Bo's repeated \"no\" is no change");
  const [ann] = await fx.byPhone('+14155550201');
  assert.equal(ann?.name, 'Lee, Ann', 'an empty name leaves the name');
  assert.deepEqual(ann.attributes, { city: 'Lisbon', tier: 'gold' }, 'attributes are merged');
  assert.equal(ann.marketingConsent, false);
  const chain = await sql<ConsentRow>`select * from consent_entries where workspace_id = ${fx.workspaceId} order by contact_id, purpose, seq`.execute(fx.db());
  assert.ok(verifyConsentChain(chain.rows), 'the ledger chains stay intact');
});

test('progress is committed batch by batch; a run past its time budget leaves the rest to a continuation job', async () => {
  const rows = Array.from({ length: 600 }, (_, i) => `+1415556${String(i).padStart(4, '0')},Person ${i}`);
  const id = await fx.importFile(['phone,name', ...rows].join('\n'));
  // The upload's own job is set aside: this test runs the import by hand.
  await sql`update jobs set status = 'done' where queue = ${jobCatalog.contactImport.name} and status = 'queued'`.execute(fx.db());
  await processContactImport(fx.t.container.contacts, fx.workspaceId, id, { budgetMs: 0 });
  const partial = await fx.status(id);
  assert.deepEqual([partial.status, partial.processedRows, partial.created], ['processing', 250, 250]);
  assert.equal(await fx.runImportJobs(), 1, 'the continuation job');
  const done = await fx.status(id);
  assert.deepEqual([done.status, done.processedRows, done.created, done.errorCount], ['completed', 600, 600, 0]);
});

test("a campaign to an import's contacts skips the ones whose import said no marketing consent", async () => {
  const id = await fx.importFile('phone,name,marketing_consent\n+14155550301,Ivy,yes\n+14155550302,Jon,no\n+14155550303,Kim,\n');
  await fx.runImportJobs();
  const created = await fx.api.post('/api/v1/campaigns', { name: 'From import', template: { name: 'import_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }] }] }, audience: { importId: id } });
  assert.equal(created.status, 201, created.text);
  const draft = created.body as { id: string; funnel: { total: number; skipped: number; skippedByReason: Record<string, number> } };
  assert.deepEqual([draft.funnel.total, draft.funnel.skipped, draft.funnel.skippedByReason.no_marketing_consent], [3, 2, 2]);

  // Controlled before the runner starts, so the run cannot complete between the calls.
  for (const action of ['start', 'pause', 'resume']) assert.equal((await fx.api.post(`/api/v1/campaigns/${draft.id}/${action}`)).status, 200, action);
  const runner = startCampaignRunner(fx.t.container.campaigns, { pollMs: 20, onQueued: h.sender.wake });
  try {
    const deadline = Date.now() + 20_000;
    while (((await fx.api.get(`/api/v1/campaigns/${draft.id}`)).body as { status: string }).status !== 'completed') {
      assert.ok(Date.now() < deadline, 'campaign completes');
      await new Promise((r) => setTimeout(r, 50));
    }
    await h.settle();
  } finally {
    await runner.stop();
  }
  const sent = h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient;
  assert.equal(sent['14155550301'], 1);
  assert.equal(sent['14155550302'] ?? 0, 0, 'opted out by the import: never sent');
  assert.equal(sent['14155550303'] ?? 0, 0, 'no consent: never sent');

  const audit = await sql<{ action: string; actor_type: string }>`select action, actor_type from audit_events where workspace_id = ${fx.workspaceId} and target_id = ${draft.id} order by seq`.execute(fx.db());
  assert.deepEqual(audit.rows.map((r) => `${r.actor_type}:${r.action}`), ['user:campaign.create', 'user:campaign.start', 'user:campaign.pause', 'user:campaign.resume']);
});

test('an audience by an unknown, unfinished or other workspace\'s import is refused', async () => {
  const other = await fx.t.signUp();
  const theirs = await fx.upload('phone\n+14155550401\n', other.client);
  assert.equal(theirs.status, 202);
  const pending = await fx.importFile('phone\n+14155550402\n');
  for (const importId of ['nope', (theirs.body as { importId: string }).importId, pending]) {
    const r = await fx.api.post('/api/v1/campaigns', { name: 'x', template: { name: 'import_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] }, audience: { importId } });
    assert.equal(r.status, 422, r.text);
    assert.equal((r.body as { error: { code: string } }).error.code, 'validation_failed');
  }
  assert.equal((await other.client.get(`/api/v1/contacts/imports/${pending}`)).status, 404);
});
