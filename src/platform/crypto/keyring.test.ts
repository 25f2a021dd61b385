import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql, type KyselyPlugin } from 'kysely';
import { useKeyringFixture } from './testing/keyring-fixture';
import { newId, withTenant, type AnyDb } from '../db';
import { DecryptionError, KeyShreddedError } from './errors';

const fixture = useKeyringFixture();

async function workspaceWithContactKey(): Promise<{ workspaceId: string; keyId: string }> {
  const workspaceId = await fixture.newWorkspace();
  const keyId = await withTenant(fixture.database.db, workspaceId, (tx) => fixture.keyring.createDataKey(tx, workspaceId, { type: 'contact', id: newId() }));
  return { workspaceId, keyId };
}

test('round trip of text, bytes and JSON; each encryption differs', async () => {
  const { workspaceId, keyId } = await workspaceWithContactKey();
  await withTenant(fixture.database.db, workspaceId, async (tx) => {
    const a = await fixture.keyring.encrypt(tx, workspaceId, keyId, 'hello', 'message.body');
    const b = await fixture.keyring.encrypt(tx, workspaceId, keyId, 'hello', 'message.body');
    assert.notDeepEqual(a, b);
    assert.equal(a.length, 1 + 16 + 12 + 16 + 5);
    assert.equal(await fixture.keyring.decryptText(tx, workspaceId, a, 'message.body'), 'hello');
    const bytes = randomBytes(3000);
    assert.deepEqual(await fixture.keyring.decrypt(tx, workspaceId, await fixture.keyring.encrypt(tx, workspaceId, keyId, bytes, 'media'), 'media'), bytes);
    const profile = { name: 'مريم', emoji: '🎉' };
    assert.deepEqual(await fixture.keyring.decryptJson(tx, workspaceId, await fixture.keyring.encryptJson(tx, workspaceId, keyId, profile, 'contact.profile'), 'contact.profile'), profile);
  });
});

test('a ciphertext read in another context or workspace, or altered anywhere, fails', async () => {
  const { workspaceId, keyId } = await workspaceWithContactKey();
  const other = await workspaceWithContactKey();
  const ciphertext = await withTenant(fixture.database.db, workspaceId, (tx) => fixture.keyring.encrypt(tx, workspaceId, keyId, 'secret', 'message.body'));
  await withTenant(fixture.database.db, workspaceId, async (tx) => {
    await assert.rejects(fixture.keyring.decrypt(tx, workspaceId, ciphertext, 'note.body'), DecryptionError);
    for (const at of [20, 40, ciphertext.length - 1]) {
      const altered = Buffer.from(ciphertext);
      altered[at]! ^= 1;
      await assert.rejects(fixture.keyring.decrypt(tx, workspaceId, altered, 'message.body'), DecryptionError);
    }
    await assert.rejects(fixture.keyring.decrypt(tx, workspaceId, ciphertext.subarray(0, 30), 'message.body'), DecryptionError);
    await assert.rejects(fixture.keyring.decrypt(tx, workspaceId, Buffer.from('plain text'), 'message.body'), DecryptionError);
  });
  await withTenant(fixture.database.db, other.workspaceId, async (tx) => {
    await assert.rejects(fixture.keyring.decrypt(tx, other.workspaceId, ciphertext, 'message.body'), /does not exist in workspace/);
  });
});

test('the raw rows hold no plaintext, in any script', async () => {
  const { workspaceId, keyId } = await workspaceWithContactKey();
  const secrets = ['Meet at Café São Paulo', 'مرحبا، موعدنا غدًا', 'party 🎉🥳 tonight', '電話番号'];
  await fixture.database.execScript('create table crypto_raw_probe (workspace_id text, body bytea)');
  const bodies = await withTenant(fixture.database.db, workspaceId, (tx) =>
    Promise.all(secrets.map((text) => fixture.keyring.encrypt(tx, workspaceId, keyId, text, 'probe.body'))),
  );
  for (const body of bodies) await sql`insert into crypto_raw_probe values (${workspaceId}, ${body})`.execute(fixture.database.db);
  const { rows } = await sql<{ body: Buffer }>`select body from crypto_raw_probe`.execute(fixture.database.db);
  assert.equal(rows.length, secrets.length);
  const keyRows = await sql<{ wrapped: Buffer }>`select wrapped from crypto_data_keys union all select wrapped from crypto_workspace_keys`.execute(fixture.database.db);
  for (const { body } of [...rows, ...keyRows.rows.map((r) => ({ body: r.wrapped }))]) {
    for (const text of secrets) {
      // Words of 5+ bytes only: a 2-byte word like "at" turns up in random ciphertext by chance
      // (~1 run in 100), while a 5-byte match happens about once in 10^10.
      for (const word of [text, ...text.split(' ')].filter((w) => Buffer.byteLength(w) >= 5)) {
        assert.equal(body.includes(Buffer.from(word)), false, 'plaintext found in a stored row');
        assert.equal(body.toString('latin1').includes(word), false);
      }
    }
  }
  const back = await withTenant(fixture.database.db, workspaceId, (tx) =>
    Promise.all(rows.map((r) => fixture.keyring.decryptText(tx, workspaceId, r.body, 'probe.body'))),
  );
  assert.deepEqual(back.sort(), [...secrets].sort());
});

test('a cached key encrypts and decrypts without a database round trip', async () => {
  const { workspaceId, keyId } = await workspaceWithContactKey();
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => {
      queries++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const counted: AnyDb = fixture.database.db.withPlugin(counter);
  const fresh = await fixture.openKeyring();
  await withTenant(counted, workspaceId, async (tx) => {
    const before = queries;
    const first = await fresh.encrypt(tx, workspaceId, keyId, 'one', 'x');
    assert.equal(queries - before, 1, 'a cache miss reads the data key and its workspace key in one query');
    const mid = queries;
    for (let i = 0; i < 50; i++) await fresh.decrypt(tx, workspaceId, await fresh.encrypt(tx, workspaceId, keyId, `m${i}`, 'x'), 'x');
    await fresh.decrypt(tx, workspaceId, first, 'x');
    assert.equal(queries, mid, 'no query on cache hits');
  });
});

test('ingress envelopes: round trip, context bound, per-purpose tokens, stable system key', async () => {
  const envelope = JSON.stringify({ entry: [{ changes: [{ value: { contacts: [{ wa_id: '16315551181' }] } }] }] });
  const sealed = fixture.keyring.encryptIngress(envelope, 'webhook.envelope');
  assert.equal(sealed.includes(Buffer.from('16315551181')), false);
  assert.equal(fixture.keyring.decryptIngress(sealed, 'webhook.envelope').toString(), envelope);
  assert.throws(() => fixture.keyring.decryptIngress(sealed, 'other'), DecryptionError);
  assert.equal(fixture.keyring.ingressToken('wa_id', '16315551181'), fixture.keyring.ingressToken('wa_id', '+1 631-555-1181'));
  assert.notEqual(fixture.keyring.ingressToken('wa_id', '16315551181'), fixture.keyring.ingressToken('phone', '16315551181'));
  const reopened = await fixture.openKeyring();
  assert.equal(reopened.decryptIngress(sealed, 'webhook.envelope').toString(), envelope);
  assert.equal(reopened.ingressToken('bsuid', 'US.13491208655302741918'), fixture.keyring.ingressToken('bsuid', 'US.13491208655302741918'));
  assert.deepEqual(reopened.systemKey('audit-chain'), fixture.keyring.systemKey('audit-chain'));
  assert.equal(fixture.keyring.systemKey('audit-chain').length, 32);
});


test('a cold keyring preloads a batch of data keys in one read; erased keys are skipped and still refuse', async () => {
  const workspaceId = await fixture.newWorkspace();
  const db = fixture.database.db;
  const keyIds = await withTenant(db, workspaceId, (tx) => fixture.keyring.createDataKeys(tx, workspaceId, [1, 2, 3].map(() => ({ type: 'contact', id: newId() }))));
  const sealed = await withTenant(db, workspaceId, (tx) => Promise.all(keyIds.map((keyId, i) => fixture.keyring.encrypt(tx, workspaceId, keyId, `value ${i}`, 'contact.phone'))));
  const erased = keyIds[2]!;
  await sql`delete from crypto_data_keys where workspace_id = ${workspaceId} and id = ${erased}`.execute(db);

  const cold = await fixture.openKeyring();
  await withTenant(db, workspaceId, (tx) => cold.preloadKeysOf(tx, workspaceId, sealed));
  // The keys were read by the preload: with their rows gone now, the cold keyring still opens both.
  await sql`delete from crypto_data_keys where workspace_id = ${workspaceId}`.execute(db);
  await withTenant(db, workspaceId, async (tx) => {
    assert.equal(await cold.decryptText(tx, workspaceId, sealed[0]!, 'contact.phone'), 'value 0');
    assert.equal(await cold.decryptText(tx, workspaceId, sealed[1]!, 'contact.phone'), 'value 1');
    await assert.rejects(cold.decrypt(tx, workspaceId, sealed[2]!, 'contact.phone'), KeyShreddedError);
  });
});
