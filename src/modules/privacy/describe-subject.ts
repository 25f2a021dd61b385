import type { TenantTx } from '../../platform/db';
import { emptySubject, type DataSubject, type PersonalDataPart } from './personal-data';

/** The person as every part describes them, or null when the workspace has no such contact. */
export async function describeSubject(parts: PersonalDataPart[], tx: TenantTx, workspaceId: string, contactId: string): Promise<DataSubject | null> {
  const subject = emptySubject(contactId);
  for (const part of parts) if ((await part.describe?.(tx, workspaceId, subject)) === false) return null;
  return subject;
}
