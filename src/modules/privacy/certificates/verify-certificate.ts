import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';
import { keyIdOf, rawPublicKeyOf } from './certificate-signer';

export type Verdict =
  | { valid: true; keyId: string; certificate: Record<string, unknown> }
  | { valid: false; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A public key given as PEM (SPKI) or as the raw 32 bytes in base64url, the two forms the server publishes. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return createPublicKey(trimmed);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: trimmed }, format: 'jwk' });
}

/**
 * Checks a signed certificate offline: the Ed25519 signature over the canonical JSON of
 * `certificate`, under `trusted` (the server's published key) when given, else under the key the
 * document carries — which proves integrity only, so the verdict names its keyId for the caller to
 * compare with the published one. Any changed value, added or removed field fails.
 */
export function verifyCertificate(document: unknown, trusted?: KeyObject): Verdict {
  if (!isObject(document) || !isObject(document.certificate) || !isObject(document.signature)) return { valid: false, reason: 'not a signed certificate (expected {certificate, signature})' };
  const { certificate, signature } = document;
  if (signature.algorithm !== 'Ed25519' || signature.canonicalization !== 'RFC8785') return { valid: false, reason: 'unsupported signature algorithm or canonicalization' };
  if (typeof signature.value !== 'string' || typeof signature.publicKey !== 'string') return { valid: false, reason: 'the signature has no value or public key' };
  let key: KeyObject;
  try {
    key = trusted ?? parsePublicKey(signature.publicKey);
  } catch {
    return { valid: false, reason: 'the public key cannot be read' };
  }
  const keyId = keyIdOf(rawPublicKeyOf(key));
  if (signature.keyId !== keyId) return { valid: false, reason: `signed by key ${String(signature.keyId)}, not by ${keyId}` };
  const ok = verify(null, Buffer.from(canonicalJson(certificate)), key, Buffer.from(signature.value, 'base64url'));
  return ok ? { valid: true, keyId, certificate } : { valid: false, reason: 'the signature does not match the certificate (it was changed after signing)' };
}
