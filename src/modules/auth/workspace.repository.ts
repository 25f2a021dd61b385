import { sql } from 'kysely';
import type { AnyDb, TenantTx } from '../../platform/db';
import type { Role } from './permissions';

export async function insertWorkspace(tx: TenantTx, workspaceId: string, name: string) {
  await tx.insertInto('workspaces').values({ workspace_id: workspaceId, name }).execute();
}

export function findWorkspace(tx: TenantTx, workspaceId: string) {
  return tx.selectFrom('workspaces').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
}

export async function insertMembership(tx: TenantTx, workspaceId: string, userId: string, role: Role) {
  await tx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: userId, role }).execute();
}

export function findMembership(tx: TenantTx, workspaceId: string, userId: string) {
  return tx.selectFrom('memberships').selectAll().where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
}

// Members are listed in joining order. A cursor carries milliseconds, the column microseconds: order
// and compare on the time truncated to milliseconds, then the id, so a page boundary is exact.
const joinedMs = sql<Date>`date_trunc('milliseconds', m.created_at)`;

/** A page of members, oldest first, after the member named by `after` (at most `limit` rows). */
export function listMembers(tx: TenantTx, workspaceId: string, page: { after?: { at: string; id: string }; limit: number }) {
  let q = tx
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id as id', 'u.email', 'u.name', 'm.role', 'm.created_at'])
    .where('m.workspace_id', '=', workspaceId);
  if (page.after) q = q.where(sql<boolean>`(${joinedMs}, m.user_id) > (${page.after.at}::timestamptz, ${page.after.id})`);
  return q.orderBy(joinedMs).orderBy('m.user_id').limit(page.limit).execute();
}

export async function updateMemberRole(tx: TenantTx, workspaceId: string, userId: string, role: Role) {
  await tx.updateTable('memberships').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(tx: TenantTx, workspaceId: string, userId: string) {
  await tx.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
}

export async function countOwners(tx: TenantTx, workspaceId: string): Promise<number> {
  const row = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** At login and on /me: which workspaces a person belongs to, before any tenant is chosen. */
export function unsafeListWorkspacesOfUser(db: AnyDb, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('workspaces as w', 'w.workspace_id', 'm.workspace_id')
    .select(['w.workspace_id as id', 'w.name', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('m.created_at', 'asc')
    .execute();
}
