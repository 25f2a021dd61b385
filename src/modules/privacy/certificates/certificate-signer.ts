import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';

/** A signed document: the statement, and an Ed25519 signature over its canonical JSON. */
export interface SignedDocument<T = Record<string, unknown>> {
  certificate: T;
  signature: {
    algorithm: 'Ed25519';
    /** RFC 8785 (JCS) for the JSON types a certificate holds: strings, integers, booleans, null, arrays, objects. */
    canonicalization: 'RFC8785';
    /** Fingerprint of the public key: the first 16 bytes of SHA-256 over its 32 raw bytes, hex. */
    keyId: string;
    /** The raw public key, base64url; check its keyId against the one the server publishes. */
    publicKey: string;
    /** base64url */
    value: string;
  };
}

export interface PublishedKey {
  algorithm: 'Ed25519';
  keyId: string;
  publicKey: string;
  publicKeyPem: string;
}

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): the fixed DER prefix, then the 32 bytes.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export const keyIdOf = (rawPublicKey: Buffer) => createHash('sha256').update(rawPublicKey).digest('hex').slice(0, 32);

export const rawPublicKeyOf = (key: KeyObject) => Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');

/**
 * The server's certificate-signing key: an Ed25519 key derived (HKDF) from the keyring's
 * 'certificate-signing' system secret, so it is stable across restarts and master-key rotations
 * and its private half is never stored or sent anywhere.
 */
export function createCertificateSigner(secret: Buffer) {
  const seed = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'whatgrow certificate signing ed25519 v1', 32));
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const raw = rawPublicKeyOf(publicKey);
  const published: PublishedKey = {
    algorithm: 'Ed25519',
    keyId: keyIdOf(raw),
    publicKey: raw.toString('base64url'),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
  return {
    publicKey: published,
    sign<T extends object>(certificate: T): SignedDocument<T> {
      const value = sign(null, Buffer.from(canonicalJson(certificate)), privateKey).toString('base64url');
      return { certificate, signature: { algorithm: 'Ed25519', canonicalization: 'RFC8785', keyId: published.keyId, publicKey: published.publicKey, value } };
    },
  };
}

export type CertificateSigner = ReturnType<typeof createCertificateSigner>;
