import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useKeyringFixture } from './testing/keyring-fixture';
import { newId, withTenant } from '../db';
import { KeyShreddedError } from './index';

const fixture = useKeyringFixture();

test('shredding an owner deletes all its keys; its ciphertexts then throw KeyShreddedError, others still read', async () => {
  const workspaceId = await fixture.newWorkspace();
  const erased = { type: 'contact', id: newId() };
  const kept = { type: 'contact', id: newId() };
  const { gone, stays } = await withTenant(fixture.database.db, workspaceId, async (tx) => {
    // Two keys for one contact, as after a number change.
    const first = await fixture.keyring.createDataKey(tx, workspaceId, erased);
    const second = await fixture.keyring.createDataKey(tx, workspaceId, erased);
    assert.equal(await fixture.keyring.dataKeyForOwner(tx, workspaceId, erased), second, 'the newest key is the current one');
    const other = await fixture.keyring.dataKeyForOwner(tx, workspaceId, kept);
    return {
      gone: [await fixture.keyring.encrypt(tx, workspaceId, first, 'old number', 'm'), await fixture.keyring.encrypt(tx, workspaceId, second, 'new number', 'm')],
      stays: await fixture.keyring.encrypt(tx, workspaceId, other, 'someone else', 'm'),
    };
  });

  const shredded = await withTenant(fixture.database.db, workspaceId, (tx) => fixture.keyring.shredOwner(tx, workspaceId, erased));
  assert.equal(shredded, 2);
  const left = await fixture.database.db.selectFrom('crypto_data_keys').select(['owner_id']).where('workspace_id', '=', workspaceId).execute();
  assert.deepEqual(left.map((r) => r.owner_id), [kept.id]);

  // The same process (whose cache held the keys) and a fresh one both refuse.
  const fresh = await fixture.openKeyring();
  for (const ring of [fixture.keyring, fresh]) {
    await withTenant(fixture.database.db, workspaceId, async (tx) => {
      for (const ciphertext of gone) await assert.rejects(ring.decrypt(tx, workspaceId, ciphertext, 'm'), KeyShreddedError);
      assert.equal(await ring.decryptText(tx, workspaceId, stays, 'm'), 'someone else');
    });
  }
});

test('merging contacts moves the keys, so erasing the survivor erases both histories', async () => {
  const workspaceId = await fixture.newWorkspace();
  const survivor = { type: 'contact', id: newId() };
  const merged = { type: 'contact', id: newId() };
  const ciphertexts = await withTenant(fixture.database.db, workspaceId, async (tx) => {
    const a = await fixture.keyring.createDataKey(tx, workspaceId, survivor);
    const b = await fixture.keyring.createDataKey(tx, workspaceId, merged);
    const out = [await fixture.keyring.encrypt(tx, workspaceId, a, 'a', 'm'), await fixture.keyring.encrypt(tx, workspaceId, b, 'b', 'm')];
    assert.equal(await fixture.keyring.reassignOwner(tx, workspaceId, merged, survivor), 1);
    assert.equal(await fixture.keyring.shredOwner(tx, workspaceId, survivor), 2);
    return out;
  });
  await withTenant(fixture.database.db, workspaceId, async (tx) => {
    for (const ciphertext of ciphertexts) await assert.rejects(fixture.keyring.decrypt(tx, workspaceId, ciphertext, 'm'), KeyShreddedError);
  });
});

test('deleting a workspace deletes all its keys', async () => {
  const workspaceId = await fixture.newWorkspace();
  await withTenant(fixture.database.db, workspaceId, async (tx) => {
    await fixture.keyring.createDataKey(tx, workspaceId, { type: 'contact', id: newId() });
    await fixture.keyring.rotateWorkspaceKey(tx, workspaceId);
    await fixture.keyring.createDataKey(tx, workspaceId, { type: 'workspace', id: workspaceId });
  });
  await fixture.database.db.deleteFrom('workspaces').where('workspace_id', '=', workspaceId).execute();
  for (const table of ['crypto_data_keys', 'crypto_workspace_keys', 'crypto_index_keys'] as const) {
    const rows = await fixture.database.db.selectFrom(table).select('workspace_id').where('workspace_id', '=', workspaceId).execute();
    assert.equal(rows.length, 0, table);
  }
});
