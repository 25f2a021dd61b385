/**
 * Errors that mean the database connection (not the statement) failed: the server ended the
 * session (pg_terminate_backend, restart, failover: SQLSTATE class 08 and 57P01–57P03), a proxy
 * or the network dropped the socket, or a pooled client had already died before it was used. A
 * transaction that failed this way did not commit unless the failure hit its COMMIT, so work
 * built on ledgers (claims, idempotent writes) can be retried on a fresh connection.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
const NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN', 'EHOSTUNREACH']);
const MESSAGES = [/connection terminated/i, /not queryable/i, /connection has been discarded/i, /terminating connection/i, /server closed the connection/i];

export function isConnectionLoss(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (SERVER_CODES.has(code) || code.startsWith('08') || NODE_CODES.has(code)) return true;
  return typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string));
}

/** Exponential backoff with jitter for loops that wait out a database fault: 50 ms … `maxMs`. */
export function faultBackoffMs(consecutiveFailures: number, maxMs = 2_000): number {
  const base = Math.min(maxMs, 50 * 2 ** Math.max(0, consecutiveFailures - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}
