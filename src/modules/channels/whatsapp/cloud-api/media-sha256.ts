import { createHash } from 'node:crypto';

/**
 * True when `expected` is the SHA-256 of `data`. Meta's `sha256` is hex in older answers and
 * base64 in current webhooks, so both encodings are accepted.
 */
export function sha256Matches(data: Uint8Array, expected: string): boolean {
  return sha256DigestMatches(createHash('sha256').update(data).digest(), expected);
}

/** The same check for a digest computed while streaming (`createHash('sha256')` fed chunk by chunk). */
export function sha256DigestMatches(digest: Uint8Array, expected: string): boolean {
  const actual = Buffer.from(digest);
  const trimmed = expected.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return actual.toString('hex') === trimmed.toLowerCase();
  return actual.toString('base64') === trimmed || actual.toString('base64url') === trimmed.replace(/=+$/, '');
}
