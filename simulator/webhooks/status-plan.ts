// Which statuses an accepted message gets, and when: sent → delivered → read (→ played for
// voice notes), with Meta's quirks drawn from the seeded generator — delivered skipped
// (read implies it), read posted before delivered, one status posted twice. Reactions get
// only `sent`. `billing` marks the statuses that carry pricing: sent, and the first of
// delivered/read to happen.
import type { SeededRandom } from '../engine/random';
import type { StatusDelaysMs, StatusVariation } from '../engine/options';

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played';

export interface PlannedStatus {
  status: DeliveryStatus;
  /** When the webhook is posted. */
  emitAfterMs: number;
  /** When the status happened (its `timestamp`); differs from emitAfterMs when out of order. */
  occurredAfterMs: number;
  billing: boolean;
}

function at(status: DeliveryStatus, ms: number, billing = false): PlannedStatus {
  return { status, emitAfterMs: ms, occurredAfterMs: ms, billing };
}

export function planStatuses(
  random: SeededRandom,
  variation: StatusVariation,
  delays: StatusDelaysMs,
  kind: { reaction: boolean; voice: boolean },
): PlannedStatus[] {
  const plan = [at('sent', delays.sent, true)];
  if (kind.reaction) return plan;

  const reads = random.chance(variation.readRate);
  const skipDelivered = reads && random.chance(variation.skipDeliveredRate);
  const delivered = skipDelivered ? null : at('delivered', delays.delivered, true);
  const read = reads ? at('read', delays.read, skipDelivered) : null;
  if (delivered) plan.push(delivered);
  if (read) plan.push(read);
  if (read && kind.voice) plan.push(at('played', delays.played));

  if (delivered && read && random.chance(variation.outOfOrderRate)) {
    [delivered.emitAfterMs, read.emitAfterMs] = [read.emitAfterMs, delivered.emitAfterMs];
  }
  if (random.chance(variation.duplicateRate)) {
    const original = plan[random.int(plan.length)]!;
    plan.push({ ...original, emitAfterMs: original.emitAfterMs + Math.max(1, delays.sent) });
  }
  return plan;
}
