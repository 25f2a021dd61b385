import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { withTenant, type AnyDb, type TenantTx } from '../db';
import { AppError } from './app-error';
import { platformErrors, replayedError } from './errors';
import type { ErrorStatuses } from './error-statuses';
import { claimKey, completeKey, releaseKey } from './idempotency.repository';

const DAY_MS = 86_400_000;
/** A key in flight this long belongs to a request that died (its transaction rolled back). */
const ABANDONED_MS = 60_000;

/**
 * The headers schema of a route that honors `Idempotency-Key`: validates the key at the edge and
 * documents it in the OpenAPI document. Loose, so the other headers stay on the request.
 */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().max(255).optional()
    .describe('Retry safely: the same key with a JSON-equal body (the same bytes for a file) returns the first response, for 24 hours; another body → 409 idempotency_conflict; still in flight → 409 idempotency_in_progress.'),
});

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

/** A file (raw bytes) is the same body when its bytes are; JSON when it is equal whatever the key order. */
const bodyHash = (body: unknown) => createHash('sha256').update(Buffer.isBuffer(body) ? body : JSON.stringify(canonical(body ?? null))).digest('hex');

/**
 * `Idempotency-Key` for a mutating POST: scoped to workspace and route, kept 24 hours. The work
 * and the stored answer commit in one transaction, so a crash cannot leave done work unanswered.
 * A replay of the same body gets the first answer (refusals included); another body → 409
 * idempotency_conflict; still in flight → 409 idempotency_in_progress. The key was validated by
 * `idempotencyHeaders`; without one the work simply runs. A refusal is stored with the status
 * `statuses` gives its code, so its replay answers the same.
 */
export async function idempotent<T>(
  deps: { db: AnyDb; clock: Clock; statuses: ErrorStatuses },
  workspaceId: string,
  route: string,
  key: string | undefined,
  body: unknown,
  work: (tx: TenantTx) => Promise<Answer<T>>,
): Promise<Answer<T>> {
  if (!key) return withTenant(deps.db, workspaceId, work);
  const hash = bodyHash(body);
  const now = deps.clock.now();
  const claim = await withTenant(deps.db, workspaceId, (tx) => claimKey(tx, workspaceId, route, key, hash, now, new Date(now.getTime() - DAY_MS), new Date(now.getTime() - ABANDONED_MS)));
  if (!claim.claimed) {
    const { row } = claim;
    if (row.body_hash !== hash) throw platformErrors.idempotencyConflict();
    if (row.status_code === null) throw platformErrors.idempotencyInProgress();
    if (row.status_code >= 400) throw replayedError((row.response as Refusal).error);
    return { status: row.status_code, body: row.response as T };
  }
  try {
    return await withTenant(deps.db, workspaceId, async (tx) => {
      const answer = await work(tx);
      await completeKey(tx, workspaceId, route, key, answer.status, answer.body);
      return answer;
    });
  } catch (error) {
    const refusalStatus = error instanceof AppError ? deps.statuses.statusOf(error.code) : undefined;
    if (error instanceof AppError && refusalStatus !== undefined && refusalStatus < 500) {
      const refusal: Refusal = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      await withTenant(deps.db, workspaceId, (tx) => completeKey(tx, workspaceId, route, key, refusalStatus, refusal));
    } else {
      await withTenant(deps.db, workspaceId, (tx) => releaseKey(tx, workspaceId, route, key)).catch(() => undefined);
    }
    throw error;
  }
}
