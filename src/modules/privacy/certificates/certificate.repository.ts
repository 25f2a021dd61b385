import type { Kysely } from 'kysely';
import type { TenantTx } from '../../../platform/db';
import type { ErasureCertificateRow, PrivacyTables } from '../tables';

const pdb = (tx: TenantTx) => tx as unknown as Kysely<PrivacyTables>;

export async function insertCertificate(tx: TenantTx, row: ErasureCertificateRow): Promise<void> {
  await pdb(tx).insertInto('erasure_certificates').values(row).execute();
}

export function findCertificate(tx: TenantTx, workspaceId: string, id: string): Promise<ErasureCertificateRow | undefined> {
  return pdb(tx).selectFrom('erasure_certificates').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}
