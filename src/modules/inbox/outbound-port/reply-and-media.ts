import type { TenantTx } from '../../../platform/db';
import { existingMediaIds } from '../media.repository';
import { findMessagesById } from '../message.repository';

/** A message a send may reply to: its wamid (null until Meta accepted it) and its contact. */
export async function findReplyTarget(tx: TenantTx, workspaceId: string, messageId: string): Promise<{ wamid: string | null; contactId: string } | null> {
  const [row] = await findMessagesById(tx, workspaceId, [messageId]);
  return row ? { wamid: row.wamid, contactId: row.contact_id } : null;
}

/** Which of `ids` name media stored in this workspace. */
export function findWorkspaceMedia(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Set<string>> {
  return existingMediaIds(tx, workspaceId, ids);
}
