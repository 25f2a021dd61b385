import type { Kysely } from 'kysely';
import type { AnyDb, TenantTx } from '../../platform/db';
import type { AuthTables } from './tables';

/** The auth module's typed view of a tenant transaction or of the pool (for `unsafe…` lookups). */
export const authDb = (db: TenantTx | AnyDb) => db as unknown as Kysely<AuthTables>;
