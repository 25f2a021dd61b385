import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES } from './aes-gcm';
import { MasterKeyMissingError } from './errors';
import { masterKeyId, parseKeyBytes } from './master-key';

export interface ResolvedMasterKey {
  key: Buffer;
  keyId: string;
  /** True when this call generated the key: the caller must tell the operator to back it up. */
  created: boolean;
  /** The key file, in embedded mode. */
  path?: string;
}

/**
 * MASTER_KEY wins. Embedded mode (no DATABASE_URL) without one keeps a generated key in
 * `${dataDir}/master.key` (mode 0600), so a first start needs no setup; a server database never
 * gets a generated key, because a key that lives only on one machine's disk would be lost with it.
 */
export function resolveMasterKey(options: {
  masterKey?: string | undefined;
  databaseUrl?: string | undefined;
  dataDir: string;
}): ResolvedMasterKey {
  if (options.masterKey) {
    const key = parseKeyBytes(options.masterKey, 'MASTER_KEY');
    return { key, keyId: masterKeyId(key), created: false };
  }
  if (options.databaseUrl) throw new MasterKeyMissingError();
  const path = join(options.dataDir, 'master.key');
  mkdirSync(options.dataDir, { recursive: true });
  const fresh = randomBytes(KEY_BYTES);
  try {
    // Base64 like MASTER_KEY, so the file's content can be moved into the environment as is.
    writeFileSync(path, `${fresh.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return { key: fresh, keyId: masterKeyId(fresh), created: true, path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = parseKeyBytes(readFileSync(path, 'utf8'), path);
  return { key, keyId: masterKeyId(key), created: false, path };
}
