import type { TenantTx } from '../../platform/db';
import type { InboundItem, InboundSink } from '../channels';
import { applyAccountItem, applyErrorItem, applyPreferences } from './apply-account';
import { applyMessages } from './apply-messages';
import { applyStatuses } from './apply-statuses';
import type { InboxDeps } from './deps';

/**
 * The inbound sink: a batch of verified items applied in the processor's tenant transaction.
 * Messages first (a status or reaction may name a message of the same batch), then statuses,
 * preferences, errors and account fields.
 */
export function inboundSink(deps: InboxDeps): InboundSink {
  return async (tx: TenantTx, workspaceId: string, items: InboundItem[]) => {
    const of = <K extends InboundItem['kind']>(kind: K) => items.filter((i): i is Extract<InboundItem, { kind: K }> => i.kind === kind);
    await applyMessages(deps, tx, workspaceId, of('message'));
    await applyStatuses(deps, tx, workspaceId, of('status'));
    await applyPreferences(deps, tx, workspaceId, of('user_preference'));
    for (const item of of('error')) await applyErrorItem(deps, tx, workspaceId, item);
    for (const item of of('account')) await applyAccountItem(deps, tx, workspaceId, item);
  };
}
