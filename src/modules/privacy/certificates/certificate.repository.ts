import type { Selectable } from 'kysely';
import type { DB, TenantTx } from '../../../platform/db';

export type ErasureCertificateRow = Selectable<DB['erasure_certificates']>;

export async function insertCertificate(tx: TenantTx, row: Omit<ErasureCertificateRow, 'document'> & { document: object }): Promise<void> {
  await tx.insertInto('erasure_certificates').values({ ...row, document: JSON.stringify(row.document) }).execute();
}

export function findCertificate(tx: TenantTx, workspaceId: string, id: string): Promise<ErasureCertificateRow | undefined> {
  return tx.selectFrom('erasure_certificates').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}
