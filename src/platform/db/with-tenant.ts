import { sql, type Transaction } from 'kysely';
import { isConnectionLoss } from './connection-loss';
import type { AnyDb } from './open-database';
import type { DB } from './schema.generated';

declare const tenantBrand: unique symbol;

/**
 * A transaction in which row-level security sees one workspace only. Repository functions take
 * this type, so the compiler refuses a tenant query made outside `withTenant`.
 */
export type TenantTx = Transaction<DB> & { readonly [tenantBrand]: string };

/**
 * Runs `fn` in a transaction as the NOLOGIN role `whatgrow_app` with `app.workspace_id` set.
 * PGlite and CI's `postgres` are superusers who bypass RLS; switching role makes the policies
 * (forced on every tenant table) apply to them too, so a forgotten filter cannot leak.
 */
export async function withTenant<T>(db: AnyDb | TenantTx, workspaceId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    const current = (db as TenantTx & { __workspaceId?: string }).__workspaceId;
    if (current !== workspaceId) throw new Error('withTenant: nested call for a different workspace');
    return fn(db as TenantTx);
  }
  for (let attempt = 1; ; attempt++) {
    let started = false;
    try {
      return await db.transaction().execute(async (trx) => {
        await sql`select set_config('app.workspace_id', ${workspaceId}, true), set_config('role', 'whatgrow_app', true)`.execute(trx);
        Object.defineProperty(trx, '__workspaceId', { value: workspaceId });
        started = true;
        return fn(trx as TenantTx);
      });
    } catch (error) {
      // A pooled connection that died while idle (the server ended it, a proxy timed it out) fails
      // at BEGIN, before `fn` ran: the same work on a fresh connection is safe, and spares the
      // caller an error for a fault it had no part in. Once `fn` has run, retrying is its caller's call.
      if (started || attempt >= STALE_CONNECTION_RETRIES || !isConnectionLoss(error)) throw error;
    }
  }
}

const STALE_CONNECTION_RETRIES = 3;
