import type { AnyDb } from '../../platform/db';
import { deleteSession, insertSession, unsafeFindSession } from './account.repository';
import type { AuthDeps } from './deps';
import { randomToken, sha256 } from './secrets';

export const SESSION_COOKIE = 'wgp_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

/** Creates a session; only its hash is stored, so a database leak yields no usable cookie. */
export async function createSession(deps: AuthDeps, userId: string, workspaceId: string | null): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(deps.clock.now().getTime() + SESSION_TTL_MS);
  await insertSession(deps.db, { idHash: sha256(token), userId, workspaceId, expiresAt });
  return { token, expiresAt };
}

export function findSession(db: AnyDb, token: string, now: Date) {
  return unsafeFindSession(db, sha256(token), now);
}

export const endSession = (db: AnyDb, idHash: string) => deleteSession(db, idHash);
