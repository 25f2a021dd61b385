import { sql } from 'kysely';
import type { Clock } from '../../../../platform/clock';
import { withTenant, type TenantTx } from '../../../../platform/db';
import { startPollingLoop } from '../../../../platform/jobs';
import type { Logger } from '../../../../platform/logging';
import { listChannelRefs } from '../../channel-credentials';
import type { ChannelDeps } from '../../deps';
import { ENVELOPE_CONTEXT } from './deps';
import { entriesOf } from './envelope-shape';
import { applyEnvelopeItems, failureReason, type ItemFailure } from './apply-items';
import { claimEnvelopes, markProcessed, recordFailure, recordItemFailures, unsafePendingWorkspaces, type ClaimedEnvelope } from './envelope.repository';
import { itemsOf, type ChannelRef, type InboundItem, type InboundSink } from './inbound-items';

export interface ProcessorOptions {
  channels: ChannelDeps;
  clock: Clock;
  logger: Logger;
  sink: InboundSink;
  batchSize?: number;
  maxAttempts?: number;
  idleMs?: number;
  /** Wakes the processor as soon as envelopes are stored in this process, instead of after idleMs. */
  wakeOn?: { subscribe(listener: () => void): () => void };
}

/** Decrypts an envelope and turns its accepted entries into items; channel facts come from the tenant transaction. */
function toItems(options: ProcessorOptions, workspaceId: string, envelope: ClaimedEnvelope, channels: ChannelRef[]): InboundItem[] {
  const raw = options.channels.keyring.decryptIngress(envelope.body, ENVELOPE_CONTEXT(workspaceId));
  const entries = entriesOf(JSON.parse(raw.toString('utf8')));
  const accepted = new Set(envelope.accepted);
  const byPhone = new Map(channels.filter((c) => accepted.has(c.phoneNumberId)).map((c) => [c.phoneNumberId, c]));
  const byWaba = (wabaId: string) => (accepted.has(`waba:${wabaId}`) ? channels.filter((c) => c.wabaId === wabaId) : undefined);
  return itemsOf(entries, (id) => byPhone.get(id), byWaba);
}

async function processClaimed(options: ProcessorOptions, tx: TenantTx, workspaceId: string, envelopes: ClaimedEnvelope[]): Promise<void> {
  if (!envelopes.length) return;
  const channels = await listChannelRefs(tx, workspaceId);
  const items: InboundItem[] = [];
  const origin = new Map<InboundItem, { envelopeId: number; index: number }>();
  for (const envelope of envelopes) {
    toItems(options, workspaceId, envelope, channels).forEach((item, index) => (items.push(item), origin.set(item, { envelopeId: envelope.id, index })));
  }
  const rejected = new Map<number, ItemFailure[]>();
  for (const { item, reason } of await options.sink(tx, workspaceId, items)) {
    const at = origin.get(item);
    if (at) (rejected.get(at.envelopeId) ?? rejected.set(at.envelopeId, []).get(at.envelopeId)!).push({ index: at.index, kind: item.kind, reason });
  }
  for (const [envelopeId, failures] of rejected) {
    await recordItemFailures(tx, workspaceId, envelopeId, failures, options.clock.now());
    report(options, workspaceId, 0, { envelopeId, items: failures });
  }
  await markProcessed(tx, workspaceId, envelopes.map((e) => e.id), options.clock.now());
}

/** One round for one workspace: claim a batch, apply every item, mark processed, all in one transaction. */
async function processWorkspace(options: ProcessorOptions, workspaceId: string): Promise<number> {
  const limit = options.batchSize ?? 200;
  const maxAttempts = options.maxAttempts ?? 10;
  try {
    return await withTenant(options.channels.db, workspaceId, async (tx) => {
      // One processor per workspace at a time keeps contact creation and status order simple.
      const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext(${`inbound:${workspaceId}`})) as ok`.execute(tx);
      if (!rows[0]?.ok) return 0;
      const envelopes = await claimEnvelopes(tx, workspaceId, limit, maxAttempts);
      await processClaimed(options, tx, workspaceId, envelopes);
      return envelopes.length;
    });
  } catch (error) {
    options.logger.warn({ workspaceId, err: { message: (error as Error).message } }, 'inbound batch failed; retrying envelope by envelope');
    return processOneByOne(options, workspaceId, limit, maxAttempts);
  }
}

/**
 * The fallback after a failed batch: envelope by envelope, each applied item by item if it must
 * (see applyEnvelopeItems). Items that fail on their content are recorded and the envelope is
 * processed; only an infrastructure failure counts as the envelope's attempt, which parks it
 * after `maxAttempts`.
 */
async function processOneByOne(options: ProcessorOptions, workspaceId: string, limit: number, maxAttempts: number): Promise<number> {
  let done = 0;
  for (let i = 0; i < limit; i++) {
    let outcome: { envelopeId: number; parked?: boolean; failed?: boolean; items?: ItemFailure[] } | null = null;
    const n = await withTenant(options.channels.db, workspaceId, async (tx) => {
      const [envelope] = await claimEnvelopes(tx, workspaceId, 1, maxAttempts);
      if (!envelope) return 0;
      try {
        await sql`savepoint one_envelope`.execute(tx);
        const channels = await listChannelRefs(tx, workspaceId);
        const items = await applyEnvelopeItems(tx, workspaceId, toItems(options, workspaceId, envelope, channels), options.sink);
        await recordItemFailures(tx, workspaceId, envelope.id, items, options.clock.now());
        await markProcessed(tx, workspaceId, [envelope.id], options.clock.now());
        await sql`release savepoint one_envelope`.execute(tx);
        outcome = { envelopeId: envelope.id, items };
      } catch (error) {
        await sql`rollback to savepoint one_envelope`.execute(tx);
        const { parked } = await recordFailure(tx, workspaceId, envelope.id, failureReason(error), maxAttempts, options.clock.now());
        outcome = { envelopeId: envelope.id, failed: true, parked };
      }
      return 1;
    });
    if (outcome) report(options, workspaceId, maxAttempts, outcome);
    if (!n) break;
    done += n;
  }
  return done;
}

// Ids, counts and reason codes only: the alert must not copy the envelope's personal data into the logs.
function report(options: ProcessorOptions, workspaceId: string, maxAttempts: number, o: { envelopeId: number; parked?: boolean; failed?: boolean; items?: ItemFailure[] }): void {
  const { envelopeId } = o;
  if (o.parked) options.logger.error({ workspaceId, envelopeId, maxAttempts, alert: 'inbound_envelope_parked' }, 'inbound envelope parked after its maximum attempts; see parkedEnvelopes in /readyz');
  else if (o.failed) options.logger.error({ workspaceId, envelopeId }, 'inbound envelope failed; kept for retry');
  else if (o.items?.length) {
    const reasons = [...new Set(o.items.map((f) => f.reason))];
    options.logger.warn({ workspaceId, envelopeId, failedItems: o.items.length, reasons }, 'inbound items failed on their content and were recorded; the rest of the envelope was applied');
  }
}

/** Claims and applies stored envelopes until stopped. `drain()` processes everything pending (tests, benches). */
export function startEnvelopeProcessor(options: ProcessorOptions & { autoStart?: boolean }) {
  const loop = startPollingLoop({
    name: 'inbound-envelopes',
    idleMs: options.idleMs ?? 200,
    logger: options.logger,
    autoStart: options.autoStart,
    async tick() {
      const workspaces = await unsafePendingWorkspaces(options.channels.db, 50, options.maxAttempts ?? 10);
      let total = 0;
      for (const ws of workspaces) total += await processWorkspace(options, ws);
      return total;
    },
  });
  const unsubscribe = options.wakeOn?.subscribe(() => loop.wake());
  return {
    wake: () => loop.wake(),
    drain: () => loop.drain(),
    async stop() {
      unsubscribe?.();
      await loop.stop();
    },
  };
}
