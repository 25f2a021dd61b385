import type { KeyObject } from 'node:crypto';
import { newId, type AnyDb, type TenantTx } from '../db';
import { generateKey, open, seal, sealStream, wrapKey, type StreamSealer } from './aes-gcm';
import { blindTokenWith, searchTokens, type BlindPurpose } from './blind-index';
import { buildAad, DATA_HEADER_BYTES, readDataKeyId } from './ciphertext-format';
import { dataKeyContext, deleteOwnerKeys, insertDataKeys, selectLatestOwnerKeyId, updateOwner, type KeyOwner } from './data-key-store';
import type { IngressCipher } from './ingress';
import type { MasterKeys } from './master-key';
import { rotateMasterKey } from './rotate-master-key';
import { rotateWorkspaceKey } from './rotate-workspace-key';
import type { TenantKeys } from './tenant-keys';
import { lockWorkspaceKeys, selectWorkspaceKeys } from './workspace-key-store';

/** Global secrets handed to domain code: the audit chain's HMAC key, the seed of the certificate-signing key. */
export type GlobalSecretPurpose = 'audit-chain' | 'certificate-signing';

/**
 * Envelope encryption: master key → workspace key → data key (one per contact or other owner).
 * `context` is the caller's AAD, naming where the value lives (e.g. "message.body"); decryption
 * needs the same context and workspace, so a ciphertext moved elsewhere fails instead of reading.
 * On a cache hit, encrypt and decrypt make no database round trip.
 */
export class Keyring {
  constructor(
    private readonly db: AnyDb,
    private readonly masters: MasterKeys,
    private readonly keys: TenantKeys,
    private readonly ingress: IngressCipher,
    private readonly systemKeys: Readonly<Record<GlobalSecretPurpose, KeyObject>>,
  ) {}

  /** Id of MASTER_KEY (a fingerprint, not the key), e.g. for the start-up log. */
  get masterKeyId(): string {
    return this.masters.current.id;
  }

  /** Creates the workspace key and index secret; idempotent. Call it where the workspace is created. */
  async ensureWorkspaceKey(tx: TenantTx, workspaceId: string): Promise<void> {
    await this.keys.ensure(tx, workspaceId);
  }

  /** A new data key for `owner`, wrapped under the current workspace key version. */
  async createDataKey(tx: TenantTx, workspaceId: string, owner: KeyOwner): Promise<string> {
    return (await this.createDataKeys(tx, workspaceId, [owner]))[0]!;
  }

  /** One new data key per owner (same order): one lock, one read and one insert for the whole batch. */
  async createDataKeys(tx: TenantTx, workspaceId: string, owners: KeyOwner[]): Promise<string[]> {
    if (!owners.length) return [];
    await lockWorkspaceKeys(tx, workspaceId, 'shared');
    let [current] = await selectWorkspaceKeys(tx, workspaceId);
    if (!current) {
      await this.keys.ensure(tx, workspaceId);
      [current] = await selectWorkspaceKeys(tx, workspaceId);
    }
    const workspaceKey = this.keys.workspaceKey(workspaceId, current!);
    const created = owners.map((owner) => {
      const id = newId();
      const key = generateKey();
      return { id, owner, key, version: current!.version, wrapped: wrapKey(workspaceKey, key, dataKeyContext(workspaceId, id)) };
    });
    await insertDataKeys(tx, workspaceId, created);
    for (const c of created) this.keys.rememberDataKey(workspaceId, c.id, c.key);
    return created.map((c) => c.id);
  }

  /** The owner's newest data key, created if it has none. */
  async dataKeyForOwner(tx: TenantTx, workspaceId: string, owner: KeyOwner): Promise<string> {
    return (await selectLatestOwnerKeyId(tx, workspaceId, owner)) ?? this.createDataKey(tx, workspaceId, owner);
  }

  /** Reads the uncached data keys of a batch in one round trip, before its values are opened one by one. */
  async preloadDataKeys(tx: TenantTx, workspaceId: string, keyIds: string[]): Promise<void> {
    await this.keys.preloadDataKeys(tx, workspaceId, keyIds);
  }

  /** The same for a batch of ciphertexts (each names its key). */
  async preloadKeysOf(tx: TenantTx, workspaceId: string, ciphertexts: Buffer[]): Promise<void> {
    await this.keys.preloadDataKeys(tx, workspaceId, ciphertexts.map(readDataKeyId));
  }

  async encrypt(tx: TenantTx, workspaceId: string, keyId: string, plaintext: Buffer | string, context: string): Promise<Buffer> {
    const { key, header } = this.keys.cachedDataKey(workspaceId, keyId) ?? (await this.keys.loadDataKey(tx, workspaceId, keyId));
    return seal(key, header, buildAad(header, workspaceId, context), typeof plaintext === 'string' ? Buffer.from(plaintext) : plaintext);
  }

  /** `encrypt` for a stream (see StreamSealer): large files are sealed without being held in memory. */
  async encryptStream(tx: TenantTx, workspaceId: string, keyId: string, context: string): Promise<StreamSealer> {
    const { key, header } = this.keys.cachedDataKey(workspaceId, keyId) ?? (await this.keys.loadDataKey(tx, workspaceId, keyId));
    return sealStream(key, header, buildAad(header, workspaceId, context));
  }

  /** Throws KeyShreddedError when the data key was erased, DecryptionError when bytes or context differ. */
  async decrypt(tx: TenantTx, workspaceId: string, ciphertext: Buffer, context: string): Promise<Buffer> {
    const keyId = readDataKeyId(ciphertext);
    const { key } = this.keys.cachedDataKey(workspaceId, keyId) ?? (await this.keys.loadDataKey(tx, workspaceId, keyId));
    const aad = buildAad(ciphertext.subarray(0, DATA_HEADER_BYTES), workspaceId, context);
    return open(key, ciphertext, DATA_HEADER_BYTES, aad);
  }

  async decryptText(tx: TenantTx, workspaceId: string, ciphertext: Buffer, context: string): Promise<string> {
    return (await this.decrypt(tx, workspaceId, ciphertext, context)).toString('utf8');
  }

  async encryptJson(tx: TenantTx, workspaceId: string, keyId: string, value: unknown, context: string): Promise<Buffer> {
    return this.encrypt(tx, workspaceId, keyId, JSON.stringify(value), context);
  }

  async decryptJson<T = unknown>(tx: TenantTx, workspaceId: string, ciphertext: Buffer, context: string): Promise<T> {
    return JSON.parse(await this.decryptText(tx, workspaceId, ciphertext, context)) as T;
  }

  /** The workspace's blind token of `value` for exact lookups; the value is normalized by purpose. */
  async blindToken(tx: TenantTx, workspaceId: string, purpose: BlindPurpose, value: string): Promise<string> {
    return blindTokenWith(await this.keys.blindKey(tx, workspaceId, purpose), purpose, value);
  }

  /** Word tokens of a text: store them to index it, or compute them from a query to search. */
  async blindSearchTokens(tx: TenantTx, workspaceId: string, text: string): Promise<string[]> {
    return (await this.blindSearchTokensOf(tx, workspaceId, [text]))[0]!;
  }

  /**
   * Word tokens of several texts (same order). Words repeat across a batch's messages, so each
   * distinct word is hashed once per call; the memo lives only as long as the call.
   */
  async blindSearchTokensOf(tx: TenantTx, workspaceId: string, texts: string[]): Promise<string[][]> {
    const key = await this.keys.blindKey(tx, workspaceId, 'word');
    const memo = new Map<string, string>();
    const tokenOf = (word: string) => {
      let token = memo.get(word);
      if (token === undefined) memo.set(word, (token = blindTokenWith(key, 'word', word)));
      return token;
    };
    return texts.map((text) => searchTokens(text).map(tokenOf));
  }

  /** Crypto-shredding: deletes every data key of `owner`; its ciphertexts can no longer be read. Returns the ids of the keys destroyed. */
  async shredOwner(tx: TenantTx, workspaceId: string, owner: KeyOwner): Promise<string[]> {
    const ids = await deleteOwnerKeys(tx, workspaceId, owner);
    this.keys.forgetDataKeys(workspaceId, ids);
    return ids;
  }

  /** Moves data keys to another owner (contact merge), so erasing the survivor erases both histories. */
  async reassignOwner(tx: TenantTx, workspaceId: string, from: KeyOwner, to: KeyOwner): Promise<number> {
    return updateOwner(tx, workspaceId, from, to);
  }

  async rotateWorkspaceKey(tx: TenantTx, workspaceId: string): Promise<{ version: number; rewrapped: number }> {
    return rotateWorkspaceKey(tx, workspaceId, this.masters, this.keys);
  }

  /** Re-wraps all keys under MASTER_KEY, unwrapping with MASTER_KEY_PREVIOUS; returns rows re-wrapped per table. */
  async rotateMasterKey(): Promise<Record<string, number>> {
    return rotateMasterKey(this.db, this.masters);
  }

  encryptIngress(plaintext: Buffer | string, context: string): Buffer {
    return this.ingress.encrypt(plaintext, context);
  }

  decryptIngress(ciphertext: Buffer, context: string): Buffer {
    return this.ingress.decrypt(ciphertext, context);
  }

  /** Blind token of a customer id under the global ingress index key (before the tenant is known). */
  ingressToken(purpose: BlindPurpose, value: string): string {
    return this.ingress.token(purpose, value);
  }

  /**
   * A stable global 32-byte secret (it survives master rotation): the audit chain's HMAC key, the
   * seed of the Ed25519 key that signs erasure certificates (which never leaves the server).
   */
  systemKey(purpose: GlobalSecretPurpose): Buffer {
    return this.systemKeys[purpose].export();
  }
}
