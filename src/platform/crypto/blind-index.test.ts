import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useKeyringFixture } from './testing/keyring-fixture';
import { newId, withTenant } from '../db';
import { normalizeForSearch, normalizePhone, searchTokens } from './index';

const fixture = useKeyringFixture();

test('search normalization folds case, accents and compatibility forms across scripts', () => {
  assert.equal(normalizeForSearch('Café SÃO Paulo'), 'cafe sao paulo');
  assert.equal(normalizeForSearch('ＡＢＣ ﬁne'), 'abc fine');
  assert.equal(normalizeForSearch('مَرْحَبًا'), 'مرحبا', 'Arabic harakat are marks');
  assert.deepEqual(searchTokens('Café São Paulo, café!'), ['cafe', 'sao', 'paulo']);
  assert.deepEqual(searchTokens('مرحبا بالعالم 🎉🥳 hello'), ['مرحبا', 'بالعالم', 'hello'], 'emoji are not words');
  assert.deepEqual(searchTokens('東京で会いましょう').length > 1, true, 'scripts without spaces are split');
  assert.deepEqual(searchTokens('👍 ... !!!'), []);
  assert.equal(normalizePhone('+1 (631) 555-1181'), '16315551181');
});

test('the plain-ASCII shortcut splits words exactly as ICU does', () => {
  const icu = new Intl.Segmenter(undefined, { granularity: 'word' });
  const reference = (text: string) => [...new Set([...icu.segment(normalizeForSearch(text))].filter((p) => p.isWordLike).map((p) => p.segment))];
  const alphabet = "aZ9 .,;:'_-!?@#/\n\t\"()";
  let seed = 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const samples = ["don't stop", 'e.g. 3.14 and 1,000', 'a_b _c d_', 'x:y a;b', 'order 42, thanks!', 'ﬁne CAFÉ'];
  for (let i = 0; i < 20_000; i++) samples.push(Array.from({ length: 1 + Math.floor(random() * 16) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
  for (const text of samples) assert.deepEqual(searchTokens(text), reference(text), JSON.stringify(text));
});

test('blind tokens: equal for equal normalized input, different across purposes and workspaces', async () => {
  const a = await fixture.newWorkspace();
  const b = await fixture.newWorkspace();
  const tokensOf = (workspaceId: string) =>
    withTenant(fixture.database.db, workspaceId, async (tx) => ({
      phone: await fixture.keyring.blindToken(tx, workspaceId, 'phone', '+1 (631) 555-1181'),
      phoneAgain: await fixture.keyring.blindToken(tx, workspaceId, 'phone', '16315551181'),
      waId: await fixture.keyring.blindToken(tx, workspaceId, 'wa_id', '16315551181'),
      words: await fixture.keyring.blindSearchTokens(tx, workspaceId, 'Café São Paulo'),
      query: await fixture.keyring.blindSearchTokens(tx, workspaceId, 'SAO'),
    }));
  const inA = await tokensOf(a);
  const inB = await tokensOf(b);
  assert.equal(inA.phone, inA.phoneAgain);
  assert.match(inA.phone, /^[A-Za-z0-9_-]{22}$/);
  assert.notEqual(inA.phone, inA.waId);
  assert.notEqual(inA.phone, inB.phone);
  assert.equal(inA.words.length, 3);
  assert.ok(inA.words.includes(inA.query[0]!), 'a query word finds the indexed word');
  assert.equal(inA.words.some((t) => inB.words.includes(t)), false);
  await withTenant(fixture.database.db, a, async (tx) => {
    await assert.rejects(fixture.keyring.blindToken(tx, a, 'wa_id', ''), /empty/, 'an empty id never becomes a shared token');
  });
});

test('tenant isolation: a workspace sees only its own key rows, and no global key', async () => {
  const a = await fixture.newWorkspace();
  const b = await fixture.newWorkspace();
  await withTenant(fixture.database.db, a, (tx) => fixture.keyring.createDataKey(tx, a, { type: 'contact', id: newId() }));
  await withTenant(fixture.database.db, b, async (tx) => {
    for (const table of ['crypto_workspace_keys', 'crypto_index_keys', 'crypto_data_keys'] as const) {
      const rows = await tx.selectFrom(table).select('workspace_id').where('workspace_id', '=', a).execute();
      assert.equal(rows.length, 0, `${table} of another workspace is invisible`);
    }
  });
  for (const table of ['crypto_system_keys', 'crypto_key_check']) {
    await assert.rejects(
      withTenant(fixture.database.db, b, (tx) => sql`select * from ${sql.table(table)}`.execute(tx)),
      /permission denied/,
      `${table} is not readable by tenant transactions`,
    );
  }
});

test('keys created in a transaction that rolls back are never served from the cache afterwards', async () => {
  const workspaceId = await fixture.newWorkspace();
  await assert.rejects(
    withTenant(fixture.database.db, workspaceId, async (tx) => {
      await fixture.keyring.blindToken(tx, workspaceId, 'phone', '16315551181');
      throw new Error('rollback');
    }),
    /rollback/,
  );
  // Another process creates the workspace's keys for real.
  const secondProcess = await fixture.openKeyring();
  const committed = await withTenant(fixture.database.db, workspaceId, (tx) => secondProcess.blindToken(tx, workspaceId, 'phone', '16315551181'));
  const seenByFirst = await withTenant(fixture.database.db, workspaceId, (tx) => fixture.keyring.blindToken(tx, workspaceId, 'phone', '16315551181'));
  assert.equal(seenByFirst, committed);
});
