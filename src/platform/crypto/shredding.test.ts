import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../db/test-database';
import { newId, withTenant } from '../db';
import { createKeyring, KeyShreddedError, type Keyring } from './index';

let database: TestDatabase;
let keyring: Keyring;
const masterKey = randomBytes(32);

before(async () => {
  database = await createTestDatabase();
  keyring = await createKeyring({ db: database.db, masterKey });
});
after(async () => {
  await database.close();
});

async function newWorkspace(): Promise<string> {
  const workspaceId = newId();
  await database.db.insertInto('workspaces').values({ workspace_id: workspaceId, name: 'W' }).execute();
  return workspaceId;
}

test('shredding an owner deletes all its keys; its ciphertexts then throw KeyShreddedError, others still read', async () => {
  const workspaceId = await newWorkspace();
  const erased = { type: 'contact', id: newId() };
  const kept = { type: 'contact', id: newId() };
  const { gone, stays } = await withTenant(database.db, workspaceId, async (tx) => {
    // Two keys for one contact, as after a number change.
    const first = await keyring.createDataKey(tx, workspaceId, erased);
    const second = await keyring.createDataKey(tx, workspaceId, erased);
    assert.equal(await keyring.dataKeyForOwner(tx, workspaceId, erased), second, 'the newest key is the current one');
    const other = await keyring.dataKeyForOwner(tx, workspaceId, kept);
    return {
      gone: [await keyring.encrypt(tx, workspaceId, first, 'old number', 'm'), await keyring.encrypt(tx, workspaceId, second, 'new number', 'm')],
      stays: await keyring.encrypt(tx, workspaceId, other, 'someone else', 'm'),
    };
  });

  const shredded = await withTenant(database.db, workspaceId, (tx) => keyring.shredOwner(tx, workspaceId, erased));
  assert.equal(shredded, 2);
  const left = await database.db.selectFrom('crypto_data_keys').select(['owner_id']).where('workspace_id', '=', workspaceId).execute();
  assert.deepEqual(left.map((r) => r.owner_id), [kept.id]);

  // The same process (whose cache held the keys) and a fresh one both refuse.
  const fresh = await createKeyring({ db: database.db, masterKey });
  for (const ring of [keyring, fresh]) {
    await withTenant(database.db, workspaceId, async (tx) => {
      for (const ciphertext of gone) await assert.rejects(ring.decrypt(tx, workspaceId, ciphertext, 'm'), KeyShreddedError);
      assert.equal(await ring.decryptText(tx, workspaceId, stays, 'm'), 'someone else');
    });
  }
});

test('merging contacts moves the keys, so erasing the survivor erases both histories', async () => {
  const workspaceId = await newWorkspace();
  const survivor = { type: 'contact', id: newId() };
  const merged = { type: 'contact', id: newId() };
  const ciphertexts = await withTenant(database.db, workspaceId, async (tx) => {
    const a = await keyring.createDataKey(tx, workspaceId, survivor);
    const b = await keyring.createDataKey(tx, workspaceId, merged);
    const out = [await keyring.encrypt(tx, workspaceId, a, 'a', 'm'), await keyring.encrypt(tx, workspaceId, b, 'b', 'm')];
    assert.equal(await keyring.reassignOwner(tx, workspaceId, merged, survivor), 1);
    assert.equal(await keyring.shredOwner(tx, workspaceId, survivor), 2);
    return out;
  });
  await withTenant(database.db, workspaceId, async (tx) => {
    for (const ciphertext of ciphertexts) await assert.rejects(keyring.decrypt(tx, workspaceId, ciphertext, 'm'), KeyShreddedError);
  });
});

test('deleting a workspace deletes all its keys', async () => {
  const workspaceId = await newWorkspace();
  await withTenant(database.db, workspaceId, async (tx) => {
    await keyring.createDataKey(tx, workspaceId, { type: 'contact', id: newId() });
    await keyring.rotateWorkspaceKey(tx, workspaceId);
    await keyring.createDataKey(tx, workspaceId, { type: 'workspace', id: workspaceId });
  });
  await database.db.deleteFrom('workspaces').where('workspace_id', '=', workspaceId).execute();
  for (const table of ['crypto_data_keys', 'crypto_workspace_keys', 'crypto_index_keys']) {
    const rows = await database.db.selectFrom(table).select('workspace_id').where('workspace_id', '=', workspaceId).execute();
    assert.equal(rows.length, 0, table);
  }
});
