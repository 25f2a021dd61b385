import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { generateSchemaTypes, schemaTypesFile } from './generate-schema-types';
import { createTestDatabase } from './test-database';

test('the committed database types are the ones the migrations give', async () => {
  const generated = await generateSchemaTypes();
  const committed = readFileSync(schemaTypesFile, 'utf8');
  // assert.ok rather than equal: the message, not a 600-line diff, is what a failing CI should show.
  assert.ok(generated === committed, `${schemaTypesFile} does not match the migrations: run npm run db:types and commit the result`);
});

test('values come back as the generated types say, on this driver', async () => {
  const database = await createTestDatabase();
  try {
    const { rows } = await sql<{ int8: unknown; jsonb: unknown; bytea: unknown; timestamptz: unknown; texts: unknown }>`
      select 9007199254740991::int8 as int8, '{"a": [1]}'::jsonb as jsonb, '\\x01ff'::bytea as bytea, now() as timestamptz, array['a', 'b']::text[] as texts`.execute(database.db);
    const row = rows[0]!;
    assert.equal(row.int8, 9007199254740991, 'int8 (Int8): a number');
    assert.deepEqual(row.jsonb, { a: [1] }, 'jsonb (Json): parsed');
    assert.ok(Buffer.isBuffer(row.bytea), 'bytea: a Buffer');
    assert.ok(row.timestamptz instanceof Date, 'timestamptz (Timestamp): a Date');
    assert.deepEqual(row.texts, ['a', 'b'], 'text[]: an array');
  } finally {
    await database.close();
  }
});
