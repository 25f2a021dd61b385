import type { TenantTx } from '../../../platform/db';
import { mediaTypesOf } from '../media/media.repository';
import { findMessagesById } from '../message.repository';

/** A message a send may reply to: its wamid (null until Meta accepted it) and its contact. */
export async function findReplyTarget(tx: TenantTx, workspaceId: string, messageId: string): Promise<{ wamid: string | null; contactId: string } | null> {
  const [row] = await findMessagesById(tx, workspaceId, [messageId]);
  return row ? { wamid: row.wamid, contactId: row.contact_id } : null;
}

/** Which of `ids` name media of this workspace, with their MIME type (null while unknown). */
export function findWorkspaceMedia(tx: TenantTx, workspaceId: string, ids: string[]): Promise<Map<string, string | null>> {
  return mediaTypesOf(tx, workspaceId, ids);
}
