import { withTenant } from '../../../platform/db';
import type { OutboundMessage } from '../../channels';
import { marketingConsentOf } from '../../contacts';
import { REQUEST_CONTEXT, type MessagesDeps } from '../deps';
import { claimDue, holdsOf, type ClaimedRow, type HoldKind } from './send-queue.repository';

export interface Claimed {
  row: ClaimedRow;
  claimId: string;
  request: OutboundMessage;
}

export interface ClaimedBatch {
  claimed: Claimed[];
  /** Marketing sends whose recipient's latest consent is a withdrawal: claimed, never to be sent. */
  withdrawn: ClaimedRow[];
  /** The workspace's campaign holds as of this claim. */
  holds: Map<string, HoldKind>;
}

/**
 * One transaction of a send stream: reads the workspace's campaign holds (how a pause made by
 * another process reaches the stream), claims up to `limit` due rows under `claimId`, checks the
 * marketing consent of their recipients (one ledger read per batch: a withdrawal after queueing
 * wins) and opens the sealed requests of the rows that may go.
 */
export async function claimSends(deps: MessagesDeps, workspaceId: string, channelId: string, limit: number, claimId: string): Promise<ClaimedBatch> {
  return withTenant(deps.db, workspaceId, async (tx) => {
    const holds = await holdsOf(tx, workspaceId);
    const rows = await claimDue(tx, workspaceId, channelId, deps.clock.now(), limit, claimId);
    const marketing = rows.filter((r) => r.marketing).map((r) => r.contact_id);
    const consented = marketing.length ? await marketingConsentOf(tx, workspaceId, marketing) : new Set<string>();
    const mayGo = (r: ClaimedRow) => !r.marketing || consented.has(r.contact_id);
    const sendable = rows.filter(mayGo);
    await deps.keyring.preloadKeysOf(tx, workspaceId, sendable.map((r) => r.request));
    const claimed: Claimed[] = [];
    for (const row of sendable) claimed.push({ row, claimId, request: await deps.keyring.decryptJson<OutboundMessage>(tx, workspaceId, row.request, REQUEST_CONTEXT) });
    return { claimed, withdrawn: rows.filter((r) => !mayGo(r)), holds };
  });
}
