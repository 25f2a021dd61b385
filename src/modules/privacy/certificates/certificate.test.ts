import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificateSigner } from './certificate-signer';
import { parsePublicKey, verifyCertificate } from './verify-certificate';

// Certificates are verifiable offline: with the library and with `whatgrow verify-certificate`,
// against the published key; any change to a value, a field added or removed, or another key fails.

const signer = createCertificateSigner(randomBytes(32));
const certificate = { type: 'whatgrow.erasure-certificate', id: 'c1', subject: { type: 'contact', id: 'k1' }, erased: { messages: 12, media: 2 }, keysDestroyed: ['a', 'b'], note: 'ünïcode ✓' };

test('a signed certificate verifies whatever its key order or whitespace, and fails after any change', () => {
  const signed = signer.sign(certificate);
  const trusted = parsePublicKey(signer.publicKey.publicKeyPem);
  assert.deepEqual(verifyCertificate(signed, trusted), { valid: true, keyId: signer.publicKey.keyId, certificate });
  assert.ok(verifyCertificate(JSON.parse(JSON.stringify({ signature: signed.signature, certificate: { ...certificate, erased: { media: 2, messages: 12 } } }, null, 4)), trusted).valid, 'canonical: key order and spacing do not matter');
  assert.ok(verifyCertificate(signed, parsePublicKey(signer.publicKey.publicKey)).valid, 'the raw base64url key works too');

  const text = JSON.stringify(signed);
  const certificateEnd = text.indexOf('"signature"');
  let failures = 0;
  // Every character of the certificate, changed, breaks the signature (or the JSON).
  for (let i = 0; i < certificateEnd; i++) {
    const changed = text.slice(0, i) + (text[i] === 'x' ? 'y' : 'x') + text.slice(i + 1);
    let document: unknown;
    try {
      document = JSON.parse(changed);
    } catch {
      failures += 1;
      continue;
    }
    if (!verifyCertificate(document, trusted).valid) failures += 1;
  }
  assert.equal(failures, certificateEnd);
  assert.equal(verifyCertificate({ ...signed, certificate: { ...certificate, extra: true } }, trusted).valid, false);
  const other = createCertificateSigner(randomBytes(32));
  assert.match((verifyCertificate(signed, parsePublicKey(other.publicKey.publicKeyPem)) as { reason: string }).reason, /not by/);
  assert.equal(verifyCertificate(other.sign(certificate), trusted).valid, false, 'signed by another key');
});

test('whatgrow verify-certificate checks a file offline: exit 0 when valid, 1 when changed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'whatgrow-certificate-'));
  try {
    const file = join(dir, 'certificate.json');
    const keyFile = join(dir, 'key.pem');
    writeFileSync(keyFile, signer.publicKey.publicKeyPem);
    const run = (...args: string[]) => spawnSync(process.execPath, [join(process.cwd(), 'bin/whatgrow.js'), 'verify-certificate', file, ...args], { encoding: 'utf8', timeout: 120_000 });
    writeFileSync(file, JSON.stringify(signer.sign(certificate), null, 2));
    const valid = run('--public-key', keyFile);
    assert.equal(valid.status, 0, valid.stderr);
    assert.deepEqual(JSON.parse(valid.stdout), { valid: true, keyId: signer.publicKey.keyId, keyTrusted: true, certificateId: 'c1', subject: { type: 'contact', id: 'k1' } });
    writeFileSync(file, JSON.stringify(signer.sign(certificate)).replace('"messages":12', '"messages":13'));
    const changed = run('--public-key', signer.publicKey.publicKey);
    assert.equal(changed.status, 1);
    assert.equal((JSON.parse(changed.stdout) as { valid: boolean }).valid, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
