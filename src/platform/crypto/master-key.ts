import { createHash, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';
import { KEY_BYTES, unwrapKey, wrapKey } from './aes-gcm';
import { MasterKeyMismatchError } from './errors';

/** A master key as the keyring holds it: only keys derived from it are used, never the master itself. */
export interface MasterKey {
  /** Short public fingerprint, recorded beside every key wrapped under it. */
  id: string;
  /** Wraps workspace, index and system keys, and seals the key check. */
  kek: KeyObject;
}

export function parseKeyBytes(value: Buffer | string, name: string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value.trim(), 'base64') : value;
  if (bytes.length !== KEY_BYTES) throw new Error(`${name} must be base64 of exactly ${KEY_BYTES} bytes`);
  return bytes;
}

function derive(key: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `whatgrow/${label}/v1`, KEY_BYTES));
}

/** The id hashes a derivation, so it names the key in rows, logs and errors without revealing it. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update(derive(key, 'master-key-id')).digest('hex').slice(0, 16);
}

function toMasterKey(value: Buffer | string, name: string): MasterKey {
  const bytes = parseKeyBytes(value, name);
  return { id: masterKeyId(bytes), kek: createSecretKey(derive(bytes, 'master-kek')) };
}

/**
 * MASTER_KEY (wraps everything new) and MASTER_KEY_PREVIOUS (only unwraps, during a rotation).
 * Every wrapped row names its master key id, so each row is opened with the right one.
 */
export class MasterKeys {
  readonly current: MasterKey;
  private readonly byId: Map<string, MasterKey>;

  constructor(masterKey: Buffer | string, previous: (Buffer | string)[] = []) {
    this.current = toMasterKey(masterKey, 'MASTER_KEY');
    const all = [this.current, ...previous.map((key) => toMasterKey(key, 'MASTER_KEY_PREVIOUS'))];
    this.byId = new Map(all.map((key) => [key.id, key]));
  }

  get ids(): string[] {
    return [...this.byId.keys()];
  }

  get(masterKeyId: string): MasterKey {
    const key = this.byId.get(masterKeyId);
    if (!key) throw new MasterKeyMismatchError(masterKeyId, this.ids);
    return key;
  }

  wrap(key: KeyObject, context: string): { masterKeyId: string; wrapped: Buffer } {
    return { masterKeyId: this.current.id, wrapped: wrapKey(this.current.kek, key, context) };
  }

  unwrap(masterKeyId: string, wrapped: Buffer, context: string): KeyObject {
    return unwrapKey(this.get(masterKeyId).kek, wrapped, context);
  }
}
