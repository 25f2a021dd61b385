// As the webhook-subscriptions routes return them (src/modules/integrations/subscription-view.ts).
export const WEBHOOK_EVENTS = [
  ['message.received', 'A customer sent a message'],
  ['message.status', 'A sent message was delivered, read or failed'],
  ['conversation.updated', 'A conversation was assigned, labelled or resolved'],
  ['contact.opted_out', 'A contact opted out of marketing'],
  ['contact.opted_in', 'A contact opted in to marketing'],
  ['campaign.completed', 'A campaign finished'],
  ['template.status', 'Meta approved, rejected or paused a template'],
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number][0];

export type Subscription = {
  id: string;
  url: string;
  events: WebhookEvent[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
};

export type SubscriptionList = { data: Subscription[]; nextCursor: string | null };
export type CreatedSubscription = Subscription & { secret: string };

export type Delivery = {
  id: string;
  eventId: string;
  type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  completedAt: string | null;
};

export type DeliveryList = { data: Delivery[]; nextCursor: string | null };
