import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startImportFixture, type ImportFixture } from './testing/import-fixture';

// What the CSV upload accepts before any row is read: size, media type, header and role, the
// Idempotency-Key, and how the OpenAPI document describes it.

let fx: ImportFixture;

before(async () => {
  fx = await startImportFixture();
});
after(async () => {
  await fx?.close();
});

test('the upload is checked: size, media type, header and role', async () => {
  const big = `phone,name\n${'+14155550999,x\n'.repeat(Math.ceil((1024 * 1024) / 15))}`;
  assert.equal((await fx.upload(big)).status, 413);
  const json = await fx.api.request('POST', '/api/v1/contacts/import', { body: { phone: '+14155550999' } });
  assert.equal(json.status, 415);
  const noPhone = await fx.upload('name,tags\nAnn,vip\n');
  assert.equal(noPhone.status, 422);
  assert.equal(((noPhone.body as { error: { details: { issues: { code: string }[] } } }).error.details.issues[0]!.code), 'missing_phone_column');
  assert.equal((await fx.upload(Buffer.from([0x70, 0x68, 0x6f, 0x6e, 0x65, 0x0a, 0xff, 0xfe]))).status, 422, 'not UTF-8');
  const agent = await fx.t.apiKey(fx.api, 'agent');
  assert.equal((await fx.upload('phone\n+14155550998\n', agent.client)).status, 403);
});

test('Idempotency-Key on the upload: a replay returns the first import and creates nothing new; another file → 409', async () => {
  const imports = async () => Number((await sql<{ n: string }>`select count(*) as n from contact_imports where workspace_id = ${fx.workspaceId}`.execute(fx.db())).rows[0]!.n);
  const send = (csv: string, key: string) => fx.api.request('POST', '/api/v1/contacts/import', { rawBody: csv, headers: { 'content-type': 'text/csv', 'idempotency-key': key } });
  const file = 'phone,name\n+14155550501,Rae\n';
  const first = await send(file, 'import-rae');
  assert.equal(first.status, 202, first.text);
  const count = await imports();
  const replay = await send(file, 'import-rae');
  assert.equal(replay.status, 202);
  assert.deepEqual(replay.body, first.body, 'the first answer, the same import');
  assert.equal(await imports(), count, 'no second import');
  const importId = (first.body as { importId: string }).importId;
  const audited = await sql<{ n: string }>`select count(*) as n from audit_events where workspace_id = ${fx.workspaceId} and target_id = ${importId}`.execute(fx.db());
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

  await fx.runImportJobs();
  assert.equal((await fx.byPhone('+14155550501')).length, 1);
});

test('the OpenAPI document describes the CSV body, its columns and the Idempotency-Key header', async () => {
  type Operation = { requestBody?: { required: boolean; content: Record<string, { schema: { type?: string; description?: string }; example?: string }> }; parameters?: { in: string; name: string; schema: { maxLength?: number } }[] };
  const doc = (await fx.t.anonymous.get('/docs/json')).body as { paths: Record<string, Record<string, Operation>> };
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
