import type { AnyDb } from '../../platform/db';
import { authDb } from './auth-db';

// Users, sessions and login attempts belong to people, not to a workspace: they are read before
// any tenant is known (at login, on every cookie), so these lookups are global by design.

export function unsafeFindUserByEmail(db: AnyDb, emailNormalized: string) {
  return authDb(db).selectFrom('users').selectAll().where('email_normalized', '=', emailNormalized).executeTakeFirst();
}

export function unsafeFindUserById(db: AnyDb, userId: string) {
  return authDb(db).selectFrom('users').select(['id', 'email', 'name', 'created_at']).where('id', '=', userId).executeTakeFirst();
}

export async function insertUser(
  db: AnyDb,
  user: { id: string; email: string; emailNormalized: string; name: string; passwordHash: string; ageConfirmedAt: Date },
) {
  await authDb(db)
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      email_normalized: user.emailNormalized,
      name: user.name,
      password_hash: user.passwordHash,
      age_confirmed_at: user.ageConfirmedAt,
    })
    .execute();
}

export async function insertSession(db: AnyDb, session: { idHash: string; userId: string; workspaceId: string | null; csrfToken: string; expiresAt: Date }) {
  await authDb(db)
    .insertInto('sessions')
    .values({ id_hash: session.idHash, user_id: session.userId, current_workspace_id: session.workspaceId, csrf_token: session.csrfToken, expires_at: session.expiresAt })
    .execute();
}

export function unsafeFindSession(db: AnyDb, idHash: string, now: Date) {
  return authDb(db).selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
}

export async function setSessionWorkspace(db: AnyDb, idHash: string, workspaceId: string) {
  await authDb(db).updateTable('sessions').set({ current_workspace_id: workspaceId }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: AnyDb, idHash: string) {
  await authDb(db).deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export function findLoginAttempts(db: AnyDb, key: string) {
  return authDb(db).selectFrom('login_attempts').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveLoginAttempts(db: AnyDb, row: { key: string; failures: number; windowStartedAt: Date; lockedUntil: Date | null }) {
  await authDb(db)
    .insertInto('login_attempts')
    .values({ key: row.key, failures: row.failures, window_started_at: row.windowStartedAt, locked_until: row.lockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures: row.failures, window_started_at: row.windowStartedAt, locked_until: row.lockedUntil }),
    )
    .execute();
}

export async function clearLoginAttempts(db: AnyDb, keys: string[]) {
  await authDb(db).deleteFrom('login_attempts').where('key', 'in', keys).execute();
}
