/**
 * Retry advice for retryable failures. The client never retries by itself: sends are owned by
 * the per-number send stream, which knows the wider picture (throughput, leases, other
 * recipients). These policies tell it how long to wait and how often to try.
 */

/**
 * What the wait applies to: only this request, everything to this recipient (131056 is a
 * business–customer pair limit; other customers are unaffected), the whole phone number
 * (throughput, maintenance), or the whole app / business account (Graph call quotas).
 */
export type RetryScope = 'request' | 'recipient' | 'phone_number' | 'account';

export interface RetryPolicy {
  /** How many more attempts are worth making after the failed one. */
  maxRetries: number;
  scope: RetryScope;
  /** Suggested wait before retry number `retry` (0-based), without jitter: callers add their own. */
  delayMs(retry: number): number;
}

export function fixed(delayMs: number, maxRetries: number, scope: RetryScope): RetryPolicy {
  return { maxRetries, scope, delayMs: () => delayMs };
}

export function exponential(baseMs: number, maxRetries: number, scope: RetryScope): RetryPolicy {
  return { maxRetries, scope, delayMs: (retry) => baseMs * 2 ** retry };
}

/** Meta's advice for 131056: wait 4^X seconds, X = 0, 1, 2… */
export function powersOfFour(baseMs: number, maxRetries: number, scope: RetryScope): RetryPolicy {
  return { maxRetries, scope, delayMs: (retry) => baseMs * 4 ** retry };
}
