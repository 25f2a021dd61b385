import type { Clock } from '../../../platform/clock';
import { newId, type TenantTx } from '../../../platform/db';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { appendEvent, eventsAfter, findHead, lockHead } from './audit.repository';

export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  target?: { type: string; id: string };
  /** Ids and flags only: the audit log must not become a second copy of personal data. */
  details?: Record<string, unknown>;
}

export interface AuditVerification {
  valid: boolean;
  count: number;
  head: string;
  brokenAtSeq?: number;
}

export type AuditLog = ReturnType<typeof createAuditLog>;

export function createAuditLog(deps: { key: Buffer; clock: Clock }) {
  return {
    /** Appends one entry in the caller's transaction, so the entry and the change commit together. */
    async record(tx: TenantTx, workspaceId: string, actor: Actor, entry: AuditEntry): Promise<void> {
      const head = await lockHead(tx, workspaceId, GENESIS_HASH);
      const fields = {
        seq: Number(head.seq) + 1,
        id: newId(),
        at: deps.clock.now(),
        actorType: actor.type,
        actorId: actor.id,
        action: entry.action,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        ip: actor.ip ?? null,
        details: entry.details ?? {},
      };
      const hash = chainHash(deps.key, head.hash, fields);
      await appendEvent(tx, {
        workspace_id: workspaceId,
        seq: fields.seq,
        id: fields.id,
        at: fields.at,
        actor_type: fields.actorType,
        actor_id: fields.actorId,
        action: fields.action,
        target_type: fields.targetType,
        target_id: fields.targetId,
        ip: fields.ip,
        details: fields.details,
        prev_hash: head.hash,
        hash,
      });
    },

    /** Recomputes the whole chain: an edited, inserted or removed entry makes it invalid. */
    async verify(tx: TenantTx, workspaceId: string): Promise<AuditVerification> {
      const head = await findHead(tx, workspaceId);
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let count = 0;
      for (;;) {
        const batch = await eventsAfter(tx, workspaceId, expectedSeq - 1, 1000);
        if (batch.length === 0) break;
        for (const row of batch) {
          const recomputed = chainHash(deps.key, prevHash, {
            seq: Number(row.seq),
            id: row.id,
            at: row.at,
            actorType: row.actor_type,
            actorId: row.actor_id,
            action: row.action,
            targetType: row.target_type,
            targetId: row.target_id,
            ip: row.ip,
            details: row.details,
          });
          if (Number(row.seq) !== expectedSeq || row.prev_hash !== prevHash || row.hash !== recomputed) {
            return { valid: false, count, head: head?.hash ?? GENESIS_HASH, brokenAtSeq: expectedSeq };
          }
          prevHash = row.hash;
          expectedSeq += 1;
          count += 1;
        }
      }
      const headMatches = (head?.hash ?? GENESIS_HASH) === prevHash && Number(head?.seq ?? 0) === count;
      return headMatches
        ? { valid: true, count, head: prevHash }
        : { valid: false, count, head: head?.hash ?? GENESIS_HASH, brokenAtSeq: expectedSeq };
    },
  };
}
