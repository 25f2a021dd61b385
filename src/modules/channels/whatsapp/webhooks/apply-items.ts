import { sql } from 'kysely';
import type { TenantTx } from '../../../../platform/db';
import type { InboundItem, InboundSink, ItemRejection } from './inbound-items';

export interface ItemFailure {
  index: number;
  kind: InboundItem['kind'];
  reason: string;
}

// SQLSTATE classes a value causes (22 data exception: NUL bytes, bad text for a type, dates out of
// range; 23 constraint violations; 54 program limits such as an index row too large) and the
// JavaScript errors a wrong shape causes. Anything else (a lost connection, a deadlock, a shredded
// key, an unknown failure) says nothing about the item: the envelope is retried, then parked.
const ITEM_SQLSTATE_CLASSES = new Set(['22', '23', '54']);
const ITEM_ERROR_NAMES = new Set(['TypeError', 'RangeError', 'SyntaxError', 'URIError']);

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Whether a failure is the item's own (its content), as opposed to the infrastructure's. */
export function isItemFailure(error: unknown): boolean {
  const state = sqlState(error);
  if (state) return ITEM_SQLSTATE_CLASSES.has(state.slice(0, 2));
  return error instanceof Error && ITEM_ERROR_NAMES.has(error.name);
}

/** A reason code, never the error's message (messages quote the values that failed). */
export function failureReason(error: unknown): string {
  const state = sqlState(error);
  return state ? `sqlstate_${state}` : error instanceof Error ? error.name : 'unknown';
}

async function attempt(tx: TenantTx, name: string, run: () => Promise<unknown>): Promise<unknown> {
  await sql.raw(`savepoint ${name}`).execute(tx);
  try {
    await run();
    await sql.raw(`release savepoint ${name}`).execute(tx);
    return undefined;
  } catch (error) {
    await sql.raw(`rollback to savepoint ${name}`).execute(tx);
    return error ?? new Error('unknown');
  }
}

/**
 * An envelope's items, applied as one batch; when the batch fails because of content, item by
 * item, each under its own savepoint, so one bad item is rolled back alone and reported while
 * the others are applied. An infrastructure failure is rethrown (the caller retries the envelope).
 */
export async function applyEnvelopeItems(tx: TenantTx, workspaceId: string, items: InboundItem[], sink: InboundSink): Promise<ItemFailure[]> {
  const failures: ItemFailure[] = [];
  const rejected = (rejections: ItemRejection[]) => {
    for (const r of rejections) failures.push({ index: items.indexOf(r.item), kind: r.item.kind, reason: r.reason });
  };
  const whole = await attempt(tx, 'envelope_items', async () => rejected(await sink(tx, workspaceId, items)));
  if (whole === undefined) return failures;
  if (!isItemFailure(whole)) throw whole;
  failures.length = 0;
  for (const [index, item] of items.entries()) {
    const error = await attempt(tx, 'one_item', async () => rejected(await sink(tx, workspaceId, [item])));
    if (error === undefined) continue;
    if (!isItemFailure(error)) throw error;
    failures.push({ index, kind: item.kind, reason: failureReason(error) });
  }
  return failures;
}
