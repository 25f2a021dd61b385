import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MasterKeyMissingError, resolveMasterKey } from './index';
import { masterKeyId } from './master-key';

test('MASTER_KEY wins; the key id is a fingerprint, not the key', () => {
  const key = randomBytes(32);
  const resolved = resolveMasterKey({ masterKey: key.toString('base64'), dataDir: '/nonexistent' });
  assert.deepEqual(resolved.key, key);
  assert.equal(resolved.created, false);
  assert.match(resolved.keyId, /^[0-9a-f]{16}$/);
  assert.equal(resolved.keyId, masterKeyId(key));
  assert.equal(key.toString('hex').includes(resolved.keyId), false);
});

test('embedded mode creates DATA_DIR/master.key once, mode 0600, and reads it afterwards', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'whatgrow-key-')), 'data');
  try {
    const first = resolveMasterKey({ dataDir });
    assert.equal(first.created, true);
    assert.equal(first.path, join(dataDir, 'master.key'));
    assert.equal(statSync(first.path).mode & 0o777, 0o600);
    assert.equal(readFileSync(first.path, 'utf8').trim(), first.key.toString('base64'), 'the file holds what MASTER_KEY would');
    const second = resolveMasterKey({ dataDir });
    assert.equal(second.created, false);
    assert.deepEqual(second.key, first.key);
  } finally {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  }
});

test('a server database never gets a generated key', () => {
  assert.throws(() => resolveMasterKey({ databaseUrl: 'postgres://x/y', dataDir: '/nonexistent' }), MasterKeyMissingError);
});
