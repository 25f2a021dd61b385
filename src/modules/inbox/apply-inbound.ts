import type { TenantTx } from '../../platform/db';
import type { InboundItem, InboundSink, ItemRejection } from '../channels';
import { applyAccountItem, applyErrorItem, applyPreferences } from './apply-account';
import { applyMessages } from './apply-messages';
import { applyStatuses } from './apply-statuses';
import type { InboxDeps, RejectItem } from './deps';

/**
 * The inbound sink: a batch of verified items applied in the processor's tenant transaction.
 * Messages first (a status or reaction may name a message of the same batch), then statuses,
 * preferences, errors and account fields. Items that name nothing we can apply them to are
 * returned as rejections, with a reason code each.
 */
export function inboundSink(deps: InboxDeps): InboundSink {
  return async (tx: TenantTx, workspaceId: string, items: InboundItem[]) => {
    const of = <K extends InboundItem['kind']>(kind: K) => items.filter((i): i is Extract<InboundItem, { kind: K }> => i.kind === kind);
    const rejected: ItemRejection[] = [];
    const reject: RejectItem = (item, reason) => void rejected.push({ item, reason });
    await applyMessages(deps, tx, workspaceId, of('message'), reject);
    await applyStatuses(deps, tx, workspaceId, of('status'), reject);
    await applyPreferences(deps, tx, workspaceId, of('user_preference'), reject);
    for (const item of of('error')) await applyErrorItem(deps, tx, workspaceId, item);
    for (const item of of('account')) await applyAccountItem(deps, tx, workspaceId, item);
    return rejected;
  };
}
