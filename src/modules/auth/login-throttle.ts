import type { AnyDb } from '../../platform/db';
import { clearLoginAttempts, findLoginAttempts, saveLoginAttempts } from './account.repository';
import { authErrors } from './errors';
import { sha256 } from './secrets';

const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;

/** Failures are counted per email and per client address, so neither guessing pattern gets far. */
export const throttleKeys = (emailNormalized: string, ip: string) => [`email:${sha256(emailNormalized)}`, `ip:${ip}`];

export async function assertNotLocked(db: AnyDb, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await findLoginAttempts(db, key);
    if (row?.locked_until && row.locked_until > now) {
      throw authErrors.tooManyAttempts(Math.ceil((row.locked_until.getTime() - now.getTime()) / 1000));
    }
  }
}

export async function recordFailure(db: AnyDb, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const row = await findLoginAttempts(db, key);
    const fresh = !row || now.getTime() - row.window_started_at.getTime() > WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    await saveLoginAttempts(db, {
      key,
      failures,
      windowStartedAt: fresh ? now : row.window_started_at,
      lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
    });
  }
}

export const recordSuccess = (db: AnyDb, keys: string[]) => clearLoginAttempts(db, keys.filter((k) => k.startsWith('email:')));
