import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { useKeyringFixture } from './testing/keyring-fixture';
import { newId, withTenant } from '../db';
import { createKeyring, MasterKeyMismatchError, type Keyring } from './index';
import { masterKeyId } from './master-key';

const fixture = useKeyringFixture({ withKeyring: false });

const oldMaster = randomBytes(32);
const newMaster = randomBytes(32);

interface Stored {
  workspaceId: string;
  ciphertext: Buffer;
  token: string;
}

async function storeSomething(keyring: Keyring, text: string): Promise<Stored> {
  const workspaceId = await fixture.newWorkspace();
  return withTenant(fixture.database.db, workspaceId, async (tx) => {
    const keyId = await keyring.createDataKey(tx, workspaceId, { type: 'contact', id: newId() });
    return {
      workspaceId,
      ciphertext: await keyring.encrypt(tx, workspaceId, keyId, text, 'message.body'),
      token: await keyring.blindToken(tx, workspaceId, 'phone', '+16315551181'),
    };
  });
}

async function readBack(keyring: Keyring, stored: Stored): Promise<{ text: string; token: string }> {
  return withTenant(fixture.database.db, stored.workspaceId, async (tx) => ({
    text: await keyring.decryptText(tx, stored.workspaceId, stored.ciphertext, 'message.body'),
    token: await keyring.blindToken(tx, stored.workspaceId, 'phone', '16315551181'),
  }));
}

test('the first start seals the key check; a wrong master key stops the next start with a clear error', async () => {
  await createKeyring({ db: fixture.database.db, masterKey: oldMaster });
  const wrong = randomBytes(32);
  await assert.rejects(createKeyring({ db: fixture.database.db, masterKey: wrong }), (error: Error) => {
    assert.ok(error instanceof MasterKeyMismatchError);
    assert.match(error.message, /MASTER_KEY/);
    assert.match(error.message, new RegExp(masterKeyId(oldMaster)));
    assert.equal(error.message.includes(wrong.toString('base64')), false, 'never echoes a key');
    return true;
  });
});

test('workspace key rotation re-wraps data keys only; old data and blind tokens still work', async () => {
  const keyring = await createKeyring({ db: fixture.database.db, masterKey: oldMaster });
  const stored = await storeSomething(keyring, 'before rotation');
  const result = await withTenant(fixture.database.db, stored.workspaceId, (tx) => keyring.rotateWorkspaceKey(tx, stored.workspaceId));
  assert.deepEqual(result, { version: 2, rewrapped: 1 });

  const versions = await withTenant(fixture.database.db, stored.workspaceId, async (tx) => ({
    workspace: (await tx.selectFrom('crypto_workspace_keys').select('version').execute()).map((r) => r.version),
    data: (await tx.selectFrom('crypto_data_keys').select('workspace_key_version').execute()).map((r) => r.workspace_key_version),
  }));
  assert.deepEqual(versions, { workspace: [2], data: [2] }, 'version 1 retired once nothing depends on it');

  // A new process (cold cache) reads old data through the re-wrapped key; new keys wrap under v2.
  const cold = await createKeyring({ db: fixture.database.db, masterKey: oldMaster });
  assert.deepEqual(await readBack(cold, stored), { text: 'before rotation', token: stored.token });
  await withTenant(fixture.database.db, stored.workspaceId, async (tx) => {
    const keyId = await cold.createDataKey(tx, stored.workspaceId, { type: 'contact', id: newId() });
    const row = await tx.selectFrom('crypto_data_keys').select('workspace_key_version').where('id', '=', keyId).executeTakeFirstOrThrow();
    assert.equal(row.workspace_key_version, 2);
  });
});

test('master rotation: re-wrap under the new key, then only the new key opens the fixture.database', async () => {
  const before = await createKeyring({ db: fixture.database.db, masterKey: oldMaster });
  const stored = await storeSomething(before, 'survives master rotation');
  const sealed = before.encryptIngress('raw envelope', 'webhook');
  const auditKey = before.systemKey('audit-chain');

  const rotating = await createKeyring({ db: fixture.database.db, masterKey: newMaster, previousMasterKeys: [oldMaster.toString('base64')] });
  assert.deepEqual(await readBack(rotating, stored), { text: 'survives master rotation', token: stored.token }, 'readable mid-rotation');
  const counts = await rotating.rotateMasterKey();
  assert.ok(counts.crypto_workspace_keys! >= 1 && counts.crypto_index_keys! >= 1 && counts.crypto_system_keys === 3);
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from crypto_workspace_keys where master_key_id <> ${masterKeyId(newMaster)})
         + (select count(*) from crypto_index_keys where master_key_id <> ${masterKeyId(newMaster)})
         + (select count(*) from crypto_system_keys where master_key_id <> ${masterKeyId(newMaster)}) as n`.execute(fixture.database.db);
  assert.equal(Number(rows[0]!.n), 0);
  assert.deepEqual(await rotating.rotateMasterKey(), { crypto_workspace_keys: 0, crypto_index_keys: 0, crypto_system_keys: 0 }, 'idempotent');

  const after = await createKeyring({ db: fixture.database.db, masterKey: newMaster });
  assert.deepEqual(await readBack(after, stored), { text: 'survives master rotation', token: stored.token });
  assert.equal(after.decryptIngress(sealed, 'webhook').toString(), 'raw envelope');
  assert.deepEqual(after.systemKey('audit-chain'), auditKey, 'system keys are stored, not derived from the master');

  await assert.rejects(createKeyring({ db: fixture.database.db, masterKey: oldMaster }), MasterKeyMismatchError);
});

test('rotation re-wraps past one batch, and waits for data keys being created concurrently', async () => {
  const keyring = await createKeyring({ db: fixture.database.db, masterKey: newMaster });
  const workspaceId = await fixture.newWorkspace();
  const ciphertexts = await withTenant(fixture.database.db, workspaceId, async (tx) => {
    const out: Buffer[] = [];
    for (let i = 0; i < 1001; i++) {
      const keyId = await keyring.createDataKey(tx, workspaceId, { type: 'contact', id: newId() });
      if (i % 500 === 0) out.push(await keyring.encrypt(tx, workspaceId, keyId, `contact ${i}`, 'm'));
    }
    return out;
  });

  // On PostgreSQL a data key created in a transaction still open when the rotation starts must be
  // re-wrapped too (PGlite runs one transaction at a time, so there the race cannot happen).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let created!: () => void;
  const createdSignal = new Promise<void>((resolve) => (created = resolve));
  const concurrent =
    fixture.database.kind === 'postgres'
      ? withTenant(fixture.database.db, workspaceId, async (tx) => {
          await keyring.createDataKey(tx, workspaceId, { type: 'contact', id: newId() });
          created();
          await held;
        })
      : Promise.resolve(created());
  await createdSignal;
  const rotation = withTenant(fixture.database.db, workspaceId, (tx) => keyring.rotateWorkspaceKey(tx, workspaceId));
  if (fixture.database.kind === 'postgres') await waitForBlockedLock();
  release();
  await concurrent;
  const result = await rotation;
  assert.equal(result.rewrapped, fixture.database.kind === 'postgres' ? 1002 : 1001);

  const cold = await createKeyring({ db: fixture.database.db, masterKey: newMaster });
  await withTenant(fixture.database.db, workspaceId, async (tx) => {
    const texts = await Promise.all(ciphertexts.map((c) => cold.decryptText(tx, workspaceId, c, 'm')));
    assert.deepEqual(texts, ['contact 0', 'contact 500', 'contact 1000']);
    const stale = await tx.selectFrom('crypto_data_keys').select('id').where('workspace_key_version', '<>', result.version).execute();
    assert.equal(stale.length, 0);
  });
});

/** Until some session waits for a lock (the rotation, behind the open transaction), at most 5 s. */
async function waitForBlockedLock(): Promise<void> {
  for (let i = 0; i < 250; i++) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from pg_locks l join pg_database d on d.oid = l.database where not l.granted and d.datname = current_database()`.execute(fixture.database.db);
    if (Number(rows[0]!.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
