import type { KeyObject } from 'node:crypto';
import type { TenantTx } from '../db';
import { unwrapKey } from './aes-gcm';
import { deriveBlindKey, type BlindPurpose } from './blind-index';
import { dataKeyContext, selectDataKey } from './data-key-store';
import { KeyShreddedError } from './errors';
import type { KeyCache } from './key-cache';
import type { MasterKeys } from './master-key';
import { indexKeyContext, insertWorkspaceKeys, selectIndexKey, workspaceKeyContext, type WorkspaceKeyRow } from './workspace-key-store';

/**
 * Unwraps a workspace's keys through the cache. Cache names are chosen so that a stale entry can
 * never be used for the wrong key:
 * - data keys by workspace and id (ids are random and never reused);
 * - workspace keys by their wrapped bytes (a re-wrapped or re-created key is a different entry);
 * - index keys by workspace, except in the transaction that created them: if it rolled back and
 *   another process created the workspace's keys, the cached one would be wrong, so it is cached
 *   only once read in a later transaction.
 */
export class TenantKeys {
  private readonly createdIn = new WeakMap<TenantTx, Set<string>>();

  constructor(
    private readonly masters: MasterKeys,
    private readonly cache: KeyCache,
  ) {}

  async ensure(tx: TenantTx, workspaceId: string): Promise<void> {
    if (!(await insertWorkspaceKeys(tx, workspaceId, this.masters))) return;
    const created = this.createdIn.get(tx) ?? new Set<string>();
    created.add(workspaceId);
    this.createdIn.set(tx, created);
  }

  workspaceKey(workspaceId: string, row: WorkspaceKeyRow): KeyObject {
    const name = `w:${row.wrapped.toString('base64')}`;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const key = this.masters.unwrap(row.master_key_id, row.wrapped, workspaceKeyContext(workspaceId, row.version));
    this.cache.set(name, key);
    return key;
  }

  dataKeyName(workspaceId: string, keyId: string): string {
    return `d:${workspaceId}:${keyId}`;
  }

  async dataKey(tx: TenantTx, workspaceId: string, keyId: string): Promise<KeyObject> {
    const name = this.dataKeyName(workspaceId, keyId);
    const cached = this.cache.get(name);
    if (cached) return cached;
    const row = await selectDataKey(tx, workspaceId, keyId);
    if (!row) throw new KeyShreddedError(workspaceId, keyId);
    const workspaceKey = this.workspaceKey(workspaceId, {
      version: row.workspace_key_version,
      master_key_id: row.workspace_master_key_id,
      wrapped: row.workspace_wrapped,
    });
    const key = unwrapKey(workspaceKey, row.wrapped, dataKeyContext(workspaceId, keyId));
    this.cache.set(name, key);
    return key;
  }

  async blindKey(tx: TenantTx, workspaceId: string, purpose: BlindPurpose): Promise<KeyObject> {
    const name = `i:${workspaceId}:${purpose}`;
    const cached = this.cache.get(name);
    if (cached) return cached;
    let row = await selectIndexKey(tx, workspaceId);
    if (!row) {
      await this.ensure(tx, workspaceId);
      row = (await selectIndexKey(tx, workspaceId))!;
    }
    const key = deriveBlindKey(this.masters.unwrap(row.master_key_id, row.wrapped, indexKeyContext(workspaceId)), purpose);
    if (!this.createdIn.get(tx)?.has(workspaceId)) this.cache.set(name, key);
    return key;
  }

  /** After a crypto-shredding: evict, and keep racing reads from re-caching until the TTL passes. */
  forgetDataKeys(workspaceId: string, keyIds: string[]): void {
    for (const keyId of keyIds) this.cache.forget(this.dataKeyName(workspaceId, keyId));
  }

  /** A key this process just created; safe to cache at once because its id is new. */
  rememberDataKey(workspaceId: string, keyId: string, key: KeyObject): void {
    this.cache.set(this.dataKeyName(workspaceId, keyId), key);
  }
}
