import type { KeyObject } from 'node:crypto';
import type { TenantTx } from '../db';
import { unwrapKey } from './aes-gcm';
import { deriveBlindKey, type BlindPurpose } from './blind-index';
import { dataHeader } from './ciphertext-format';
import { dataKeyContext, selectDataKey, selectDataKeys, type DataKeyRow } from './data-key-store';
import { KeyShreddedError } from './errors';
import { KeyCache, type KeyCacheOptions } from './key-cache';
import type { MasterKeys } from './master-key';
import { indexKeyContext, insertWorkspaceKeys, selectIndexKey, workspaceKeyContext, type WorkspaceKeyRow } from './workspace-key-store';

/** An unwrapped data key with the ciphertext header that names it, built once. */
export interface DataKey {
  key: KeyObject;
  header: Buffer;
}

/**
 * Unwraps a workspace's keys through the caches. Names are chosen so that a stale entry is never
 * used for the wrong key:
 * - data keys by workspace and id (ids are random and never reused);
 * - workspace keys by their wrapped bytes (a re-wrapped or re-created key is another entry);
 * - blind-index keys by workspace, except in the transaction that created the index secret: had
 *   it rolled back while another process created the workspace's keys, a shared entry would be
 *   wrong, so until it commits they live in a cache of that transaction only.
 */
export class TenantKeys {
  private readonly dataKeys: KeyCache<DataKey>;
  private readonly keys: KeyCache<KeyObject>;
  /** Per transaction: the workspaces whose keys it created, with their blind-index keys. */
  private readonly createdIn = new WeakMap<TenantTx, Map<string, Map<BlindPurpose, KeyObject>>>();

  constructor(
    private readonly masters: MasterKeys,
    cache: KeyCacheOptions,
  ) {
    this.dataKeys = new KeyCache(cache);
    this.keys = new KeyCache(cache);
  }

  async ensure(tx: TenantTx, workspaceId: string): Promise<void> {
    if (!(await insertWorkspaceKeys(tx, workspaceId, this.masters))) return;
    const created = this.createdIn.get(tx) ?? new Map<string, Map<BlindPurpose, KeyObject>>();
    created.set(workspaceId, new Map());
    this.createdIn.set(tx, created);
  }

  workspaceKey(workspaceId: string, row: WorkspaceKeyRow): KeyObject {
    const name = `w:${row.wrapped.toString('base64')}`;
    const cached = this.keys.get(name);
    if (cached) return cached;
    const key = this.masters.unwrap(row.master_key_id, row.wrapped, workspaceKeyContext(workspaceId, row.version));
    this.keys.set(name, key);
    return key;
  }

  /** The hot path: no database, no promise. */
  cachedDataKey(workspaceId: string, keyId: string): DataKey | undefined {
    return this.dataKeys.get(`${workspaceId}:${keyId}`);
  }

  async loadDataKey(tx: TenantTx, workspaceId: string, keyId: string): Promise<DataKey> {
    const header = dataHeader(keyId);
    const row = await selectDataKey(tx, workspaceId, keyId);
    if (!row) throw new KeyShreddedError(workspaceId, keyId);
    return this.cacheDataKey(workspaceId, keyId, row, header);
  }

  /**
   * The keys of `keyIds` not cached yet, in one round trip (a campaign step opens a thousand
   * contacts' keys; one query each was most of its time on a cold cache). Erased keys are skipped:
   * decrypting under one still throws KeyShreddedError.
   */
  async preloadDataKeys(tx: TenantTx, workspaceId: string, keyIds: string[]): Promise<void> {
    const missing = [...new Set(keyIds)].filter((keyId) => !this.cachedDataKey(workspaceId, keyId));
    if (!missing.length) return;
    for (const row of await selectDataKeys(tx, workspaceId, missing)) this.cacheDataKey(workspaceId, row.id, row, dataHeader(row.id));
  }

  private cacheDataKey(workspaceId: string, keyId: string, row: DataKeyRow, header: Buffer): DataKey {
    const workspaceKey = this.workspaceKey(workspaceId, {
      version: row.workspace_key_version,
      master_key_id: row.workspace_master_key_id,
      wrapped: row.workspace_wrapped,
    });
    const dataKey = { key: unwrapKey(workspaceKey, row.wrapped, dataKeyContext(workspaceId, keyId)), header };
    this.dataKeys.set(`${workspaceId}:${keyId}`, dataKey);
    return dataKey;
  }

  /** A key this process just created; safe to cache at once because its id is new. */
  rememberDataKey(workspaceId: string, keyId: string, key: KeyObject): void {
    this.dataKeys.set(`${workspaceId}:${keyId}`, { key, header: dataHeader(keyId) });
  }

  /** After a crypto-shredding: evict, and keep racing reads from re-caching until the TTL passes. */
  forgetDataKeys(workspaceId: string, keyIds: string[]): void {
    for (const keyId of keyIds) this.dataKeys.forget(`${workspaceId}:${keyId}`);
  }

  async blindKey(tx: TenantTx, workspaceId: string, purpose: BlindPurpose): Promise<KeyObject> {
    const name = `i:${workspaceId}:${purpose}`;
    const local = this.createdIn.get(tx)?.get(workspaceId);
    const cached = local ? local.get(purpose) : this.keys.get(name);
    if (cached) return cached;
    let row = await selectIndexKey(tx, workspaceId);
    if (!row) {
      await this.ensure(tx, workspaceId);
      row = (await selectIndexKey(tx, workspaceId))!;
    }
    const key = deriveBlindKey(this.masters.unwrap(row.master_key_id, row.wrapped, indexKeyContext(workspaceId)), purpose);
    const createdHere = this.createdIn.get(tx)?.get(workspaceId);
    if (createdHere) createdHere.set(purpose, key);
    else this.keys.set(name, key);
    return key;
  }
}
