import type { KeyObject } from 'node:crypto';
import type { AnyDb } from '../db';
import { systemClock, type Clock } from '../clock';
import { IngressCipher } from './ingress';
import { Keyring, type GlobalSecretPurpose } from './keyring';
import { MasterKeys } from './master-key';
import { loadSystemKeys, verifyKeyCheck } from './system-keys';
import { TenantKeys } from './tenant-keys';

export interface KeyringOptions {
  db: AnyDb;
  /** MASTER_KEY: base64 of 32 bytes, or the bytes (from resolveMasterKey). */
  masterKey: Buffer | string;
  /** MASTER_KEY_PREVIOUS: only unwrap, while a master rotation is under way. */
  previousMasterKeys?: (Buffer | string)[];
  /** How long an unwrapped key stays cached, and so how long another process may still use a key shredded here. */
  cacheTtlMs?: number;
  /** Per kind of entry (data keys; workspace and blind-index keys). */
  cacheMaxEntries?: number;
  clock?: Clock;
}

/**
 * Opens the keyring at start-up: verifies the master key against the key check (throws
 * MasterKeyMismatchError when it is wrong, before anything else reads a key) and loads the
 * global keys, creating both on the first start.
 */
export async function createKeyring(options: KeyringOptions): Promise<Keyring> {
  const masters = new MasterKeys(options.masterKey, options.previousMasterKeys ?? []);
  const systemKeys = await options.db.transaction().execute(async (trx) => {
    await verifyKeyCheck(trx, masters);
    return loadSystemKeys(trx, masters);
  });
  const clock = options.clock ?? systemClock;
  const cache = {
    ttlMs: options.cacheTtlMs ?? 5 * 60_000,
    maxEntries: options.cacheMaxEntries ?? 100_000,
    now: () => clock.now().getTime(),
  };
  const latest = (purpose: 'ingress-index' | GlobalSecretPurpose): KeyObject => {
    const versions = systemKeys.get(purpose)!;
    return versions.get(Math.max(...versions.keys()))!;
  };
  const ingress = new IngressCipher(systemKeys.get('ingress')!, latest('ingress-index'));
  return new Keyring(options.db, masters, new TenantKeys(masters, cache), ingress, { 'audit-chain': latest('audit-chain'), 'certificate-signing': latest('certificate-signing') });
}
