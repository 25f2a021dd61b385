import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobCatalog, startJobRunner } from '../../platform/jobs';
import { startSenderHarness } from '../../test-support/sender-harness';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { contactJobHandlers } from './jobs';

// Contact search by name and phone digits through blind tokens: names are encrypted, so the
// database holds only keyed tokens of words, word prefixes and phone-digit suffixes.

let t: TestApp;
let api: HttpClient;
let workspaceId: string;
let h: Awaited<ReturnType<typeof startSenderHarness>>;

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  workspaceId = owner.workspaceId;
  h = await startSenderHarness(t, api);
});
after(async () => {
  await h?.close();
  await t?.close();
});

const db = () => t.container.database.db;
const search = async (q: string) => {
  const r = await api.get(`/api/v1/contacts?q=${encodeURIComponent(q)}`);
  assert.equal(r.status, 200, r.text);
  return (r.body as { data: { id: string; name: string | null }[] }).data.map((c) => c.name).sort();
};

/** What a worker does with the import jobs queued so far. */
async function runImportJobs(): Promise<void> {
  const runner = startJobRunner({ db: db(), clock: t.container.clock, logger: t.container.logger, catalog: { contactImport: jobCatalog.contactImport }, handlers: contactJobHandlers(t.container.contacts), autoStart: false });
  await runner.drain();
  await runner.stop();
}

async function inbound(from: string, profileName: string): Promise<void> {
  h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from, profileName, type: 'text', text: { body: 'hello there' } } as never);
  await h.settle();
}

test('name words, their first letters and phone digits find contacts made by import, by API and by an inbound message', async () => {
  const r = await api.request('POST', '/api/v1/contacts/import', { rawBody: 'phone,name\n+14155550501,Alexandra Núñez\n+14155550502,Bo Lind\n', headers: { 'content-type': 'text/csv' } });
  assert.equal(r.status, 202, r.text);
  await runImportJobs();
  assert.equal((await api.post('/api/v1/contacts', { phone: '+14155550503', name: 'Alexander Lind' })).status, 201);
  await inbound('14155550504', 'Zoë Quimby');

  assert.deepEqual(await search('alexandra'), ['Alexandra Núñez']);
  assert.deepEqual(await search('ALEX'), ['Alexander Lind', 'Alexandra Núñez'], 'a prefix of 3+ letters, any case');
  assert.deepEqual(await search('nunez'), ['Alexandra Núñez'], 'accents folded');
  assert.deepEqual(await search('bo'), ['Bo Lind'], 'a short name is found whole');
  assert.deepEqual(await search('al'), [], 'prefixes under 3 letters are not indexed');
  assert.deepEqual(await search('lind alex'), ['Alexander Lind'], 'every word must match');
  assert.deepEqual(await search('zoe'), ['Zoë Quimby'], 'a contact created by an inbound message');
  assert.deepEqual(await search('quim'), ['Zoë Quimby']);
  assert.deepEqual(await search('0502'), ['Bo Lind'], 'the last digits of the phone');
  assert.deepEqual(await search('+1 415 555 0504'), ['Zoë Quimby'], 'the whole number');
  assert.deepEqual(await search('xyz'), []);

  const raw = await sql<{ t: string }>`select array_to_string(search_tokens, ' ') as t from contacts where workspace_id = ${workspaceId}`.execute(db());
  for (const word of ['alex', 'quimby', 'lind', '0502']) assert.ok(!raw.rows.some((row) => row.t.includes(word)), `"${word}" stored in clear`);
});

test('tokens follow the name when it changes on an inbound message or by PATCH', async () => {
  await inbound('14155550504', 'Zoë Renamed');
  assert.deepEqual(await search('quimby'), []);
  assert.deepEqual(await search('renamed'), ['Zoë Renamed']);
  const [bo] = ((await api.get('/api/v1/contacts?q=0502')).body as { data: { id: string }[] }).data;
  assert.equal((await api.patch(`/api/v1/contacts/${bo!.id}`, { name: 'Robert Lindqvist' })).status, 200);
  assert.deepEqual(await search('bo'), []);
  assert.deepEqual(await search('lindq'), ['Robert Lindqvist']);
  assert.deepEqual(await search('0502'), ['Robert Lindqvist'], 'phone digits kept with the new name');
});

test('contacts from before search are indexed by the backfill job that runs at worker start', async () => {
  // As the migration leaves contacts that existed before it: no tokens yet.
  await sql`update contacts set search_tokens = null where workspace_id = ${workspaceId}`.execute(db());
  assert.deepEqual(await search('alexandra'), []);
  assert.deepEqual(await search('+14155550501'), ['Alexandra Núñez'], 'the exact phone still finds it through the identity index');
  // Due by the same clock the claim reads (the server's now() has microseconds and may fall after
  // a JavaScript Date taken in the same millisecond).
  await sql`insert into jobs (id, queue, payload, status, run_at, attempts, max_attempts) values ('backfill-test', ${jobCatalog.indexSearch.name}, '{}'::jsonb, 'queued', ${new Date()}, 0, 3)`.execute(db());
  // A worker's runner: its own cron may queue the period's backfill too (run twice, it finds nothing the second time).
  const runner = startJobRunner({ db: db(), clock: t.container.clock, logger: t.container.logger, catalog: { indexSearch: jobCatalog.indexSearch }, handlers: contactJobHandlers(t.container.contacts), autoStart: false });
  await runner.drain();
  await runner.stop();
  assert.deepEqual(await search('alexandra'), ['Alexandra Núñez']);
  assert.deepEqual(await search('renamed'), ['Zoë Renamed']);
  const left = await sql<{ n: string }>`select count(*) as n from contacts where search_tokens is null`.execute(db());
  assert.equal(Number(left.rows[0]!.n), 0);
});
