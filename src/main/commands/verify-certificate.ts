import { existsSync, readFileSync } from 'node:fs';
import { parsePublicKey, verifyCertificate } from '../../modules/privacy';

/**
 * `whatgrow verify-certificate FILE [--public-key KEY]`: checks a signed erasure certificate offline.
 * KEY is the server's published key (GET /api/v1/privacy/certificate-key: the PEM, or `publicKey`),
 * inline or in a file. Without it the key the certificate carries is used, which proves the file is
 * intact but not who signed it: compare the printed keyId with the published one. Prints one JSON
 * verdict on stdout; exits 1 when the certificate does not verify.
 */
export function runVerifyCertificate(file: string, options: { publicKey?: string }): void {
  const userFacing = (message: string) => Object.assign(new Error(message), { userFacing: true });
  if (!existsSync(file)) throw userFacing(`no such file: ${file}`);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    document = null;
  }
  let trusted;
  if (options.publicKey) {
    try {
      trusted = parsePublicKey(existsSync(options.publicKey) ? readFileSync(options.publicKey, 'utf8') : options.publicKey);
    } catch {
      throw userFacing('--public-key is neither a PEM public key nor a base64url Ed25519 key (or a file holding one)');
    }
  }
  const verdict = document === null ? { valid: false as const, reason: 'the file is not JSON' } : verifyCertificate(document, trusted);
  const out = verdict.valid
    ? { valid: true, keyId: verdict.keyId, keyTrusted: Boolean(trusted), certificateId: verdict.certificate.id, subject: verdict.certificate.subject, erasedAt: verdict.certificate.erasedAt }
    : verdict;
  process.stdout.write(`${JSON.stringify(out)}\n`);
  if (!verdict.valid) process.exitCode = 1;
}
