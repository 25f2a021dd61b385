import { sql } from 'kysely';
import type { AnyDb } from '../../platform/db';

// Users, sessions and login attempts belong to people, not to a workspace: they are read before
// any tenant is known (at login, on every cookie), so these lookups are global by design.

export function unsafeFindUserByEmail(db: AnyDb, emailNormalized: string) {
  return db.selectFrom('users').selectAll().where('email_normalized', '=', emailNormalized).executeTakeFirst();
}

export function unsafeFindUserById(db: AnyDb, userId: string) {
  return db.selectFrom('users').select(['id', 'email', 'name', 'created_at']).where('id', '=', userId).executeTakeFirst();
}

export async function insertUser(
  db: AnyDb,
  user: { id: string; email: string; emailNormalized: string; name: string; passwordHash: string; ageConfirmedAt: Date },
) {
  await db
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

export async function insertSession(db: AnyDb, session: { idHash: string; userId: string; workspaceId: string | null; expiresAt: Date }) {
  await db
    .insertInto('sessions')
    .values({ id_hash: session.idHash, user_id: session.userId, current_workspace_id: session.workspaceId, expires_at: session.expiresAt })
    .execute();
}

export function unsafeFindSession(db: AnyDb, idHash: string, now: Date) {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).where('expires_at', '>', now).executeTakeFirst();
}

export async function setSessionWorkspace(db: AnyDb, idHash: string, workspaceId: string) {
  await db.updateTable('sessions').set({ current_workspace_id: workspaceId }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: AnyDb, idHash: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/**
 * Counts one attempt against each key and returns the counts, in one statement: concurrent
 * attempts each see their own count (row locks order them), so a budget checked on the result
 * holds under any parallelism. A window older than `windowStartedBefore` starts over at 1.
 */
export function countLoginAttempt(db: AnyDb, keys: string[], now: Date, windowStartedBefore: Date) {
  const expired = sql<boolean>`login_attempts.window_started_at <= ${windowStartedBefore}::timestamptz`;
  return db
    .insertInto('login_attempts')
    .values(keys.map((key) => ({ key, failures: 1, window_started_at: now })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_attempts.failures + 1 end`,
        window_started_at: sql<Date>`case when ${expired} then ${now}::timestamptz else login_attempts.window_started_at end`,
      }),
    )
    .returning(['key', 'failures', 'window_started_at'])
    .execute();
}

/** Gives back the attempt of a successful login: the email's count is cleared, the others' decremented. */
export async function refundLoginAttempt(db: AnyDb, clearKeys: string[], decrementKeys: string[]) {
  if (clearKeys.length) await db.deleteFrom('login_attempts').where('key', 'in', clearKeys).execute();
  if (decrementKeys.length) await db.updateTable('login_attempts').set({ failures: sql<number>`greatest(failures - 1, 0)` }).where('key', 'in', decrementKeys).execute();
}
