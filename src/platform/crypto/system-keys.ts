import { timingSafeEqual, type KeyObject } from 'node:crypto';
import type { AnyDb } from '../db';
import { generateKey, open, seal } from './aes-gcm';
import { MasterKeyMismatchError } from './errors';
import type { MasterKey, MasterKeys } from './master-key';

export const systemKeyPurposes = ['ingress', 'ingress-index', 'audit-chain'] as const;
export type SystemKeyPurpose = (typeof systemKeyPurposes)[number];
const isSystemKeyPurpose = (purpose: string): purpose is SystemKeyPurpose => (systemKeyPurposes as readonly string[]).includes(purpose);

const checkValue = Buffer.from('whatgrow master key check v1');
const checkContext = Buffer.from('key-check');
const noHeader = Buffer.alloc(0);

export function sealKeyCheck(master: MasterKey): Buffer {
  return seal(master.kek, noHeader, checkContext, checkValue);
}

/**
 * Fails start-up with MasterKeyMismatchError unless a configured master key opens the key check
 * sealed at first start. Checking here, once, turns a wrong MASTER_KEY into one clear message
 * instead of a failure on the first row someone reads.
 */
export async function verifyKeyCheck(db: AnyDb, masters: MasterKeys): Promise<void> {
  await db
    .insertInto('crypto_key_check')
    .values({ id: 1, master_key_id: masters.current.id, sealed: sealKeyCheck(masters.current) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db.selectFrom('crypto_key_check').select(['master_key_id', 'sealed']).executeTakeFirstOrThrow();
  const master = masters.get(row.master_key_id);
  let opened: Buffer;
  try {
    opened = open(master.kek, row.sealed, 0, checkContext);
  } catch {
    throw new MasterKeyMismatchError(row.master_key_id, masters.ids);
  }
  if (opened.length !== checkValue.length || !timingSafeEqual(opened, checkValue)) {
    throw new MasterKeyMismatchError(row.master_key_id, masters.ids);
  }
}

export function systemKeyContext(purpose: string, version: number): string {
  return `system:${purpose}:${version}`;
}

/** All versions of every system key, created (version 1) on first start. */
export async function loadSystemKeys(db: AnyDb, masters: MasterKeys): Promise<Map<SystemKeyPurpose, Map<number, KeyObject>>> {
  const fresh = systemKeyPurposes.map((purpose) => {
    const { masterKeyId, wrapped } = masters.wrap(generateKey(), systemKeyContext(purpose, 1));
    return { purpose, version: 1, master_key_id: masterKeyId, wrapped };
  });
  await db
    .insertInto('crypto_system_keys')
    .values(fresh)
    .onConflict((oc) => oc.columns(['purpose', 'version']).doNothing())
    .execute();
  const stored = await db.selectFrom('crypto_system_keys').select(['purpose', 'version', 'master_key_id', 'wrapped']).execute();
  const keys = new Map<SystemKeyPurpose, Map<number, KeyObject>>(systemKeyPurposes.map((p) => [p, new Map()]));
  for (const row of stored) {
    const versions = isSystemKeyPurpose(row.purpose) ? keys.get(row.purpose) : undefined;
    if (!versions) continue; // a purpose a newer release added; this one does not use it
    versions.set(row.version, masters.unwrap(row.master_key_id, row.wrapped, systemKeyContext(row.purpose, row.version)));
  }
  return keys;
}

