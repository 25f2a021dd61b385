import type { ItemHandlers } from '../../channels';
import type { MessagesDeps } from '../deps';
import { applyStatuses } from '../status/apply-statuses';
import { applyMessages } from './apply-messages';

/**
 * The envelope items messages own: customers' messages (with their reactions and amendments) and
 * the status webhooks of our sends, applied in the processor's tenant transaction.
 */
export function messageItemHandlers(deps: MessagesDeps): Pick<ItemHandlers, 'message' | 'status'> {
  return {
    message: (tx, workspaceId, items, reject) => applyMessages(deps, tx, workspaceId, items, reject),
    status: (tx, workspaceId, items, reject) => applyStatuses(deps, tx, workspaceId, items, reject),
  };
}
