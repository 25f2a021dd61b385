// Messages name ids and environment variables, never key material or plaintext.

/** The master key given cannot unwrap this database's keys: start-up must stop here. */
export class MasterKeyMismatchError extends Error {
  readonly code = 'master_key_mismatch';
  constructor(readonly expectedKeyId: string, readonly configuredKeyIds: string[]) {
    super(
      `MASTER_KEY does not match this database: its keys are wrapped under master key ${expectedKeyId}, ` +
        `but the configured keys are ${configuredKeyIds.join(', ')}. Set MASTER_KEY to the key this database ` +
        'was created with (in embedded mode, the one in DATA_DIR/master.key). To rotate, set MASTER_KEY to the ' +
        'new key and MASTER_KEY_PREVIOUS to the old one. Nothing was changed.',
    );
    this.name = 'MasterKeyMismatchError';
  }
}

/** DATABASE_URL without MASTER_KEY: a server database never gets a generated key. */
export class MasterKeyMissingError extends Error {
  readonly code = 'master_key_missing';
  constructor() {
    super('MASTER_KEY is required when DATABASE_URL is set (base64 of 32 bytes: openssl rand -base64 32).');
    this.name = 'MasterKeyMissingError';
  }
}

/** The data key of a ciphertext is gone: the owner was erased, or the ciphertext is not this workspace's. */
export class KeyShreddedError extends Error {
  readonly code = 'key_shredded';
  constructor(readonly workspaceId: string, readonly keyId: string) {
    super(`Data key ${keyId} does not exist in workspace ${workspaceId}: it was shredded (erased), or the ciphertext belongs elsewhere`);
    this.name = 'KeyShreddedError';
  }
}

/** Authentication failed: the bytes were altered, or they are read in another context (AAD) than written. */
export class DecryptionError extends Error {
  readonly code = 'decryption_failed';
  constructor(reason: string) {
    super(`Decryption failed: ${reason}`);
    this.name = 'DecryptionError';
  }
}
