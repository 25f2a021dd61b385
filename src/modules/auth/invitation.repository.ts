import type { TenantTx } from '../../platform/db';
import type { Role } from './permissions';

export async function insertInvitation(
  tx: TenantTx,
  workspaceId: string,
  invitation: { id: string; emailNormalized: string; role: Exclude<Role, 'owner'>; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  await tx
    .insertInto('invitations')
    .values({
      workspace_id: workspaceId,
      id: invitation.id,
      email_normalized: invitation.emailNormalized,
      role: invitation.role,
      token_hash: invitation.tokenHash,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
    })
    .execute();
}

export function findOpenInvitation(tx: TenantTx, workspaceId: string, tokenHash: string, now: Date) {
  return tx
    .selectFrom('invitations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function markInvitationAccepted(tx: TenantTx, workspaceId: string, id: string, at: Date) {
  await tx.updateTable('invitations').set({ accepted_at: at }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
