import type { TenantTx } from '../../../platform/db';

/** A new inbound message, as other modules see it in the processing transaction. */
export interface InboundMessageRef {
  messageId: string;
  conversationId: string;
  contactId: string;
  channelId: string;
  type: string;
  /** Meta's timestamp. */
  at: Date;
  /** The words a customer typed (text, caption, button title), in memory only: never put it in a job or a log. */
  text: string | null;
}

/**
 * Runs in the transaction that stores the messages, so whatever it writes (a job) commits with
 * them or not at all. Redelivered messages are not passed again.
 */
export type InboundMessagesHook = (tx: TenantTx, workspaceId: string, messages: InboundMessageRef[]) => Promise<void>;
