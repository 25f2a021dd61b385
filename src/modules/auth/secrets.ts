import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum recommendation). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/** A hash computed for unknown emails so a failed login takes as long either way. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hash('decoy-password-never-matches'));

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** High-entropy secrets (session ids, API keys, invitation tokens) need a fast hash, not a slow one. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * The CSRF token of a session, derived from the session's own secret (the cookie) rather than
 * stored: the database holds neither, only the session's hash, so a leaked table yields no token.
 * A page reads it from GET /me; a cross-site attacker, who cannot read the cookie, cannot derive it.
 */
export const csrfTokenFor = (sessionToken: string) => createHmac('sha256', sessionToken).update('wgp-csrf-token-v1').digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
