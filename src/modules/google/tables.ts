import type { Generated, Kysely } from 'kysely';
import type { AnyDb, TenantTx } from '../../platform/db';

export interface GoogleTables {
  google_links: { user_id: string; google_sub: string; linked_at: Generated<Date> };
  google_contact_previews: {
    workspace_id: string;
    id: string;
    user_id: string;
    csv: Buffer;
    total_rows: number;
    without_phone: number;
    expires_at: Date;
    created_at: Generated<Date>;
  };
}

/** The google module's typed view of a tenant transaction or of the pool (for `unsafe…` lookups). */
export const googleDb = (db: TenantTx | AnyDb) => db as unknown as Kysely<GoogleTables>;
