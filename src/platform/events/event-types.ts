/**
 * The domain events of the product. Data carries ids (and small enums) only: events feed
 * server-sent events and outgoing webhooks, and personal data must never sit in a queue.
 */
export interface EventDataByType {
  'message.created': { messageId: string; conversationId: string; contactId: string; channelId: string; direction: 'inbound' | 'outbound' };
  'message.status': { messageId: string; conversationId: string | null; status: string };
  'message.reaction': { messageId: string; conversationId: string | null };
  /** A customer edited or deleted the message. */
  'message.updated': { messageId: string; conversationId: string };
  'conversation.updated': { conversationId: string };
  /** A person set a conversation's status (when, by the product's clock): the moments analytics counts resolves and reopens by. */
  'conversation.status': { conversationId: string; status: string; at: string };
  'contact.created': { contactId: string };
  'contact.updated': { contactId: string };
  'contact.opted_out': { contactId: string; purpose: string };
  'contact.opted_in': { contactId: string; purpose: string };
  'channel.updated': { channelId: string };
  'template.status': { templateId: string; status: string };
  'campaign.progress': { campaignId: string };
  'campaign.completed': { campaignId: string };
}

export type EventType = keyof EventDataByType;

export interface StoredEvent<T extends EventType = EventType> {
  id: number;
  type: T;
  data: EventDataByType[T];
  createdAt: Date;
}
