import type { AnyDb } from '../../platform/db';
import { countLoginAttempt, refundLoginAttempt } from './account.repository';
import { authErrors } from './errors';
import { sha256 } from './secrets';

const MAX_ATTEMPTS = 5;
const WINDOW_MS = 15 * 60 * 1000;

/** Attempts are counted per email and per client address, so neither guessing pattern gets far. */
export const throttleKeys = (emailNormalized: string, ip: string) => [`email:${sha256(emailNormalized)}`, `ip:${ip}`];

/**
 * Takes one attempt from the budget of every key (5 per 15 minutes) before the password is
 * checked, atomically in the database: of any number of parallel guesses at most 5 reach the
 * (slow, argon2) password check, and the rest are refused without it — a correct password too,
 * until the window that began with the first attempt has passed.
 */
export async function takeLoginAttempt(db: AnyDb, keys: string[], now: Date): Promise<void> {
  const counts = await countLoginAttempt(db, keys, now, new Date(now.getTime() - WINDOW_MS));
  const over = counts.filter((c) => c.failures > MAX_ATTEMPTS);
  if (!over.length) return;
  const reopensAt = Math.max(...over.map((c) => new Date(c.window_started_at).getTime() + WINDOW_MS));
  throw authErrors.tooManyAttempts(Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)));
}

/** A successful login clears its email's count and gives its attempt back to the address's. */
export const giveBackLoginAttempt = (db: AnyDb, keys: string[]) =>
  refundLoginAttempt(db, keys.filter((k) => k.startsWith('email:')), keys.filter((k) => !k.startsWith('email:')));
