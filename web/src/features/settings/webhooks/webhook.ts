import type { ApiItem, ApiResponse } from '../../../app/apiSchema';

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

export type Subscription = ApiItem<'/api/v1/webhook-subscriptions'>;
export type SubscriptionList = ApiResponse<'/api/v1/webhook-subscriptions'>;
export type CreatedSubscription = ApiResponse<'/api/v1/webhook-subscriptions', 'post'>;
export type Delivery = ApiItem<'/api/v1/webhook-subscriptions/{id}/deliveries'>;
export type DeliveryList = ApiResponse<'/api/v1/webhook-subscriptions/{id}/deliveries'>;
