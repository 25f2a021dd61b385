import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { open, seal } from './aes-gcm';
import { deriveBlindKey, blindTokenWith, type BlindPurpose } from './blind-index';
import { buildAad, ingressHeader, INGRESS_HEADER_BYTES, INGRESS_SALT_BYTES, readIngressHeader } from './ciphertext-format';
import { DecryptionError } from './errors';

/**
 * Raw webhook envelopes are stored before any tenant is known, under one global ingress key.
 * At tens of thousands of envelopes a second, random 96-bit IVs under a single key would near
 * GCM's 2^32-message bound within days, so each envelope gets its own key, derived from the
 * ingress key and a random 16-byte salt stored in its header.
 */
export class IngressCipher {
  private readonly current: number;
  private readonly blindKeys = new Map<BlindPurpose, KeyObject>();

  constructor(
    private readonly versions: Map<number, KeyObject>,
    private readonly indexSecret: KeyObject,
  ) {
    this.current = Math.max(...versions.keys());
  }

  encrypt(plaintext: Buffer | string, context: string): Buffer {
    const header = ingressHeader(this.current, randomBytes(INGRESS_SALT_BYTES));
    const key = this.envelopeKey(this.current, header.subarray(5));
    return seal(key, header, buildAad(header, 'ingress', context), typeof plaintext === 'string' ? Buffer.from(plaintext) : plaintext);
  }

  decrypt(ciphertext: Buffer, context: string): Buffer {
    const { version, salt } = readIngressHeader(ciphertext);
    if (!this.versions.has(version)) throw new DecryptionError(`unknown ingress key version ${version}`);
    const header = ciphertext.subarray(0, INGRESS_HEADER_BYTES);
    return open(this.envelopeKey(version, salt), ciphertext, INGRESS_HEADER_BYTES, buildAad(header, 'ingress', context));
  }

  /** A token of a customer id held in an envelope, to find the envelopes that mention a contact. */
  token(purpose: BlindPurpose, value: string): string {
    let key = this.blindKeys.get(purpose);
    if (!key) {
      key = deriveBlindKey(this.indexSecret, purpose);
      this.blindKeys.set(purpose, key);
    }
    return blindTokenWith(key, purpose, value);
  }

  private envelopeKey(version: number, salt: Buffer): KeyObject {
    return createSecretKey(createHmac('sha256', this.versions.get(version)!).update(salt).digest());
  }
}
