import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobCatalog, startJobRunner } from '../../../platform/jobs';
import { startSenderHarness } from '../../../test-support/sender-harness';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startCampaignRunner } from '../../campaigns';
import type { ConsentRow } from '../consent.repository';
import { contactJobHandlers } from '../jobs';
import { verifyConsentChain } from '../record-consent';
import { processContactImport } from './process-import';

// CSV imports over real HTTP: the file is parsed by the worker's job, contacts are created or
// updated by phone, consent goes to the ledger, and a campaign's audience can be the import.

let t: TestApp;
let api: HttpClient;
let workspaceId: string;
let h: Awaited<ReturnType<typeof startSenderHarness>>;

type ImportView = { id: string; status: string; totalRows: number; processedRows: number; created: number; updated: number; errorCount: number; errors: { line: number; column: string | null; code: string; message: string }[]; completedAt: string | null };
type Contact = { id: string; name: string | null; phone: string; tags: string[]; attributes: Record<string, string>; marketingConsent: boolean };

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  workspaceId = owner.workspaceId;
  h = await startSenderHarness(t, api, { label: 'campaign', throughputMps: 80 });
  await h.graph.createTemplate({ name: 'import_offer', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}!', example: { body_text: [['Ann']] } }] } as never);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await api.post('/api/v1/templates/sync', {})).status, 200);
});
after(async () => {
  await h?.close();
  await t?.close();
});

const db = () => t.container.database.db;
const upload = (csv: string | Buffer, client = api) => client.request('POST', '/api/v1/contacts/import', { rawBody: csv, headers: { 'content-type': 'text/csv' } });

async function importFile(csv: string): Promise<string> {
  const r = await upload(csv);
  assert.equal(r.status, 202, r.text);
  return (r.body as { importId: string }).importId;
}

/** What a worker does: runs the queued import jobs (and the continuations they queue); returns how many ran. */
async function runImportJobs(): Promise<number> {
  const queued = await sql<{ payload: Record<string, unknown> }>`select payload from jobs where queue = ${jobCatalog.contactImport.name} and status = 'queued'`.execute(db());
  for (const { payload } of queued.rows) assert.deepEqual(Object.keys(payload).sort(), ['importId', 'workspaceId'], 'ids only in the job');
  const runner = startJobRunner({ db: db(), clock: t.container.clock, logger: t.container.logger, catalog: { contactImport: jobCatalog.contactImport }, handlers: contactJobHandlers(t.container.contacts), autoStart: false });
  try {
    return await runner.drain();
  } finally {
    await runner.stop();
  }
}

const status = async (id: string) => (await api.get(`/api/v1/contacts/imports/${id}`)).body as ImportView;
const byPhone = async (phone: string) => ((await api.get(`/api/v1/contacts?q=${encodeURIComponent(phone)}`)).body as { data: Contact[] }).data;
const count = async (table: 'contacts' | 'consent_entries') => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(db())).rows[0]!.n);

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
  firstImport = await importFile(FIRST);
  const queued = await status(firstImport);
  assert.equal(queued.status, 'queued');
  assert.equal(queued.totalRows, 7);
  assert.equal(queued.processedRows, 0);
  assert.equal(await runImportJobs(), 1);

  const done = await status(firstImport);
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

  const [ann] = await byPhone('+14155550201');
  assert.equal(ann?.name, 'Lee, Ann');
  assert.deepEqual(ann.tags, ['vip', 'spring']);
  assert.deepEqual(ann.attributes, { city: 'Lisbon' });
  assert.equal(ann.marketingConsent, true);
  const [bo] = await byPhone('+14155550202');
  assert.equal(bo?.name, 'Bo "The Boss" Diaz');
  assert.deepEqual(bo.tags, ['vip', 'north']);
  assert.deepEqual(bo.attributes, { city: 'Porto\r\nNorth' });
  const boLedger = (await api.get(`/api/v1/contacts/${bo.id}/consent`)).body as { data: { granted: boolean; source: string }[] };
  assert.deepEqual(boLedger.data.map((e) => [e.granted, e.source]), [[false, 'import']]);
  const [gus] = await byPhone('+14155550205');
  assert.equal(((await api.get(`/api/v1/contacts/${gus!.id}/consent`)).body as { data: unknown[] }).data.length, 0, 'empty consent: no entry');
  assert.equal((await byPhone('+14155550203')).length, 0, 'a row with an error is not imported');

  const stored = await sql<{ csv: Buffer | null }>`select csv from contact_imports where id = ${firstImport}`.execute(db());
  assert.equal(stored.rows[0]!.csv, null, 'the file is deleted once processed');
  const keys = await sql<{ n: string }>`select count(*) as n from crypto_data_keys where owner_type = 'contact_import' and owner_id = ${firstImport}`.execute(db());
  assert.equal(Number(keys.rows[0]!.n), 0, "the file's key is shredded");
  const audit = await sql<{ target_id: string }>`select target_id from audit_events where workspace_id = ${workspaceId} and action = 'contact.import'`.execute(db());
  assert.deepEqual(audit.rows.map((r) => r.target_id), [firstImport]);
});

test('re-running an import job creates nothing new; a second import updates by phone and writes only consent changes', async () => {
  const contacts = await count('contacts');
  const ledger = await count('consent_entries');
  await processContactImport(t.container.contacts, workspaceId, firstImport);
  assert.equal(await count('contacts'), contacts);
  assert.equal(await count('consent_entries'), ledger);
  assert.equal((await status(firstImport)).created, 3);

  // Two runs of the same import at once take turns batch by batch: every row applied once.
  const second = await importFile('phone,name,marketing_consent,tier\n+14155550201,,no,gold\n+14155550202,,no,\n+14155550206,Hal,true,\n');
  await Promise.all([processContactImport(t.container.contacts, workspaceId, second), processContactImport(t.container.contacts, workspaceId, second), runImportJobs()]);
  const done = await status(second);
  assert.deepEqual([done.status, done.created, done.updated, done.errorCount], ['completed', 1, 2, 0]);
  assert.equal(await count('contacts'), contacts + 1);
  assert.equal(await count('consent_entries'), ledger + 2, "Ann's revocation and Hal's grant; Bo's repeated \"no\" is no change");
  const [ann] = await byPhone('+14155550201');
  assert.equal(ann?.name, 'Lee, Ann', 'an empty name leaves the name');
  assert.deepEqual(ann.attributes, { city: 'Lisbon', tier: 'gold' }, 'attributes are merged');
  assert.equal(ann.marketingConsent, false);
  const chain = await sql<ConsentRow>`select * from consent_entries where workspace_id = ${workspaceId} order by contact_id, purpose, seq`.execute(db());
  assert.ok(verifyConsentChain(chain.rows), 'the ledger chains stay intact');
});

test('progress is committed batch by batch; a run past its time budget leaves the rest to a continuation job', async () => {
  const rows = Array.from({ length: 600 }, (_, i) => `+1415556${String(i).padStart(4, '0')},Person ${i}`);
  const id = await importFile(['phone,name', ...rows].join('\n'));
  // The upload's own job is set aside: this test runs the import by hand.
  await sql`update jobs set status = 'done' where queue = ${jobCatalog.contactImport.name} and status = 'queued'`.execute(db());
  await processContactImport(t.container.contacts, workspaceId, id, { budgetMs: 0 });
  const partial = await status(id);
  assert.deepEqual([partial.status, partial.processedRows, partial.created], ['processing', 250, 250]);
  assert.equal(await runImportJobs(), 1, 'the continuation job');
  const done = await status(id);
  assert.deepEqual([done.status, done.processedRows, done.created, done.errorCount], ['completed', 600, 600, 0]);
});

test("a campaign to an import's contacts skips the ones whose import said no marketing consent", async () => {
  const id = await importFile('phone,name,marketing_consent\n+14155550301,Ivy,yes\n+14155550302,Jon,no\n+14155550303,Kim,\n');
  await runImportJobs();
  const created = await api.post('/api/v1/campaigns', { name: 'From import', template: { name: 'import_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }] }] }, audience: { importId: id } });
  assert.equal(created.status, 201, created.text);
  const draft = created.body as { id: string; funnel: { total: number; skipped: number; skippedByReason: Record<string, number> } };
  assert.deepEqual([draft.funnel.total, draft.funnel.skipped, draft.funnel.skippedByReason.no_marketing_consent], [3, 2, 2]);

  // Controlled before the runner starts, so the run cannot complete between the calls.
  for (const action of ['start', 'pause', 'resume']) assert.equal((await api.post(`/api/v1/campaigns/${draft.id}/${action}`)).status, 200, action);
  const runner = startCampaignRunner(t.container.campaigns, { pollMs: 20, onQueued: h.sender.wake });
  try {
    const deadline = Date.now() + 20_000;
    while (((await api.get(`/api/v1/campaigns/${draft.id}`)).body as { status: string }).status !== 'completed') {
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

  const audit = await sql<{ action: string; actor_type: string }>`select action, actor_type from audit_events where workspace_id = ${workspaceId} and target_id = ${draft.id} order by seq`.execute(db());
  assert.deepEqual(audit.rows.map((r) => `${r.actor_type}:${r.action}`), ['user:campaign.create', 'user:campaign.start', 'user:campaign.pause', 'user:campaign.resume']);
});

test('an audience by an unknown, unfinished or other workspace\'s import is refused', async () => {
  const other = await t.signUp();
  const theirs = await upload('phone\n+14155550401\n', other.client);
  assert.equal(theirs.status, 202);
  const pending = await importFile('phone\n+14155550402\n');
  for (const importId of ['nope', (theirs.body as { importId: string }).importId, pending]) {
    const r = await api.post('/api/v1/campaigns', { name: 'x', template: { name: 'import_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] }, audience: { importId } });
    assert.equal(r.status, 422, r.text);
    assert.equal((r.body as { error: { code: string } }).error.code, 'validation_failed');
  }
  assert.equal((await other.client.get(`/api/v1/contacts/imports/${pending}`)).status, 404);
});

test('the upload is checked: size, media type, header and role', async () => {
  const big = `phone,name\n${'+14155550999,x\n'.repeat(Math.ceil((1024 * 1024) / 15))}`;
  assert.equal((await upload(big)).status, 413);
  const json = await api.request('POST', '/api/v1/contacts/import', { body: { phone: '+14155550999' } });
  assert.equal(json.status, 415);
  const noPhone = await upload('name,tags\nAnn,vip\n');
  assert.equal(noPhone.status, 422);
  assert.equal(((noPhone.body as { error: { details: { issues: { code: string }[] } } }).error.details.issues[0]!.code), 'missing_phone_column');
  assert.equal((await upload(Buffer.from([0x70, 0x68, 0x6f, 0x6e, 0x65, 0x0a, 0xff, 0xfe]))).status, 422, 'not UTF-8');
  const agent = await t.apiKey(api, 'agent');
  assert.equal((await upload('phone\n+14155550998\n', agent.client)).status, 403);
});

test('Idempotency-Key on the upload: a replay returns the first import and creates nothing new; another file → 409', async () => {
  const imports = async () => Number((await sql<{ n: string }>`select count(*) as n from contact_imports where workspace_id = ${workspaceId}`.execute(db())).rows[0]!.n);
  const send = (csv: string, key: string) => api.request('POST', '/api/v1/contacts/import', { rawBody: csv, headers: { 'content-type': 'text/csv', 'idempotency-key': key } });
  const file = 'phone,name\n+14155550501,Rae\n';
  const first = await send(file, 'import-rae');
  assert.equal(first.status, 202, first.text);
  const count = await imports();
  const replay = await send(file, 'import-rae');
  assert.equal(replay.status, 202);
  assert.deepEqual(replay.body, first.body, 'the first answer, the same import');
  assert.equal(await imports(), count, 'no second import');
  const importId = (first.body as { importId: string }).importId;
  const audited = await sql<{ n: string }>`select count(*) as n from audit_events where workspace_id = ${workspaceId} and target_id = ${importId}`.execute(db());
  assert.equal(Number(audited.rows[0]!.n), 1);

  const conflict = await send(`${file}+14155550502,Sam\n`, 'import-rae');
  assert.equal(conflict.status, 409);
  assert.equal((conflict.body as { error: { code: string } }).error.code, 'idempotency_conflict');
  const refused = await send('name\nRae\n', 'import-no-phone');
  const refusedAgain = await send('name\nRae\n', 'import-no-phone');
  assert.deepEqual([refused.status, refusedAgain.status], [422, 422]);
  assert.deepEqual(refusedAgain.body, refused.body, 'a refusal replays too');
  assert.equal((await send(file, 'k'.repeat(256))).status, 422, 'a key is at most 255 characters');
  assert.equal(await imports(), count);

  await runImportJobs();
  assert.equal((await byPhone('+14155550501')).length, 1);
});

test('the OpenAPI document describes the CSV body, its columns and the Idempotency-Key header', async () => {
  type Operation = { requestBody?: { required: boolean; content: Record<string, { schema: { type?: string; description?: string }; example?: string }> }; parameters?: { in: string; name: string; schema: { maxLength?: number } }[] };
  const doc = (await t.anonymous.get('/docs/json')).body as { paths: Record<string, Record<string, Operation>> };
  const operation = doc.paths['/api/v1/contacts/import']!.post!;
  assert.deepEqual(Object.keys(operation.requestBody!.content).sort(), ['application/csv', 'text/csv']);
  const csv = operation.requestBody!.content['text/csv']!.schema;
  assert.equal(csv.type, 'string');
  for (const column of [/phone \(required\)/, /name: up to 256/, /tags: .*";" or "\|"/, /marketing_consent: 1\/true\/yes grants .*, 0\/false\/no revokes/, /any other column: an attribute/]) assert.match(csv.description ?? '', column);
  assert.match(operation.requestBody!.content['text/csv']!.example ?? '', /^phone,name,tags,marketing_consent/);
  const key = operation.parameters?.find((p) => p.in === 'header' && p.name === 'idempotency-key');
  assert.equal(key?.schema.maxLength, 255);
  assert.ok(doc.paths['/api/v1/automations/keyword-replies']!.post!.parameters?.some((p) => p.name === 'idempotency-key'));
  assert.ok(doc.paths['/api/v1/messages']!.post!.parameters?.some((p) => p.name === 'idempotency-key'));
});
