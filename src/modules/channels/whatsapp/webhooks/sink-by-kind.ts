import type { TenantTx } from '../../../../platform/db';
import type { InboundItem, InboundSink, ItemRejection, RejectItem } from './inbound-items';

type Kind = InboundItem['kind'];
export type ItemsOfKind<K extends Kind> = Extract<InboundItem, { kind: K }>[];

/** Applies the items of one kind in the processing transaction; an item it cannot apply is rejected with a reason. */
export type ItemHandler<K extends Kind> = (tx: TenantTx, workspaceId: string, items: ItemsOfKind<K>, reject: RejectItem) => Promise<void>;
export type ItemHandlers = { [K in Kind]: ItemHandler<K> };

// Messages first: a status or a reaction may name a message of the same batch.
const ORDER: Kind[] = ['message', 'status', 'user_preference', 'error', 'template', 'account'];

/**
 * The envelope sink: each kind of item goes to the module that owns what it changes (messages and
 * statuses, templates, channels, contacts), kind by kind in a fixed order, in one transaction.
 */
export function sinkByKind(handlers: ItemHandlers): InboundSink {
  return async (tx, workspaceId, items) => {
    const rejected: ItemRejection[] = [];
    const reject: RejectItem = (item, reason) => void rejected.push({ item, reason });
    for (const kind of ORDER) {
      const ofKind = items.filter((i) => i.kind === kind);
      if (ofKind.length) await (handlers[kind] as ItemHandler<Kind>)(tx, workspaceId, ofKind, reject);
    }
    return rejected;
  };
}
