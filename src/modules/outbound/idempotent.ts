import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import { withTenant, type AnyDb, type TenantTx } from '../../platform/db';
import { AppError } from '../../platform/http';
import { outboundError } from './errors';
import { claimKey, completeKey, releaseKey } from './idempotency.repository';

const DAY_MS = 86_400_000;
/** A key in flight this long belongs to a request that died (its transaction rolled back). */
const ABANDONED_MS = 60_000;

export interface Answer<T> {
  status: number;
  body: T;
}

type Refusal = { error: { code: string; message: string; details?: Record<string, unknown> } };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}

export const bodyHash = (body: unknown) => createHash('sha256').update(JSON.stringify(canonical(body ?? null))).digest('hex');

/**
 * `Idempotency-Key` for a mutating POST: scoped to workspace and route, kept 24 hours. The work
 * and the stored answer commit in one transaction, so a crash cannot leave a done send unanswered.
 * A JSON-equal replay gets the first answer (refusals included); another body → 409
 * idempotency_conflict; still in flight → 409 idempotency_in_progress.
 */
export async function idempotent<T>(
  deps: { db: AnyDb; clock: Clock },
  workspaceId: string,
  route: string,
  key: string | undefined,
  body: unknown,
  work: (tx: TenantTx) => Promise<{ status: number; body: T }>,
): Promise<Answer<T>> {
  if (!key) return withTenant(deps.db, workspaceId, work);
  if (key.length > 255) throw outboundError(422, 'validation_failed', 'Idempotency-Key is at most 255 characters.', { issues: [{ path: 'Idempotency-Key', message: 'too long' }] });
  const hash = bodyHash(body);
  const now = deps.clock.now();
  const claim = await withTenant(deps.db, workspaceId, (tx) => claimKey(tx, workspaceId, route, key, hash, now, new Date(now.getTime() - DAY_MS), new Date(now.getTime() - ABANDONED_MS)));
  if (!claim.claimed) {
    const { row } = claim;
    if (row.body_hash !== hash) throw outboundError(409, 'idempotency_conflict', 'This Idempotency-Key was used with a different body.');
    if (row.status_code === null) throw outboundError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still being processed; retry shortly.');
    if (row.status_code >= 400) {
      const { error } = row.response as Refusal;
      throw new AppError(row.status_code, error.code, error.message, error.details);
    }
    return { status: row.status_code, body: row.response as T };
  }
  try {
    return await withTenant(deps.db, workspaceId, async (tx) => {
      const answer = await work(tx);
      await completeKey(tx, workspaceId, route, key, answer.status, answer.body);
      return answer;
    });
  } catch (error) {
    if (error instanceof AppError && error.statusCode < 500) {
      const refusal: Refusal = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      await withTenant(deps.db, workspaceId, (tx) => completeKey(tx, workspaceId, route, key, error.statusCode, refusal));
    } else {
      await withTenant(deps.db, workspaceId, (tx) => releaseKey(tx, workspaceId, route, key)).catch(() => undefined);
    }
    throw error;
  }
}
