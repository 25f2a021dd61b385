import type { AnyDb } from '../../../../platform/db';
import { unsafePurgeProcessed } from './envelope.repository';

export const DEFAULT_ENVELOPE_RETENTION_DAYS = 7;

/** Cron: processed raw envelopes are kept for a bounded time (default 7 days), then deleted. */
export function purgeProcessedEnvelopes(db: AnyDb, now: Date, retentionDays = DEFAULT_ENVELOPE_RETENTION_DAYS): Promise<number> {
  return unsafePurgeProcessed(db, new Date(now.getTime() - retentionDays * 86_400_000));
}
