import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  seq: number;
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * hash(n) = HMAC(auditKey, hash(n-1) ‖ canonical entry n). Keyed, so someone who can write to the
 * database but does not hold the key cannot rebuild a consistent chain after editing an entry.
 */
export function chainHash(key: Buffer, prevHash: string, fields: ChainedFields): string {
  const entry = canonicalJson([
    fields.seq,
    fields.id,
    fields.at.toISOString(),
    fields.actorType,
    fields.actorId,
    fields.action,
    fields.targetType,
    fields.targetId,
    fields.ip,
    fields.details,
  ]);
  return createHmac('sha256', key).update(prevHash).update('\n').update(entry).digest('hex');
}
