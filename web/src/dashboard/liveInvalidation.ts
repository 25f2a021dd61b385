import type { LiveEvent } from './useEvents';

// What each server-sent event makes stale, as path prefixes of cached GETs (below /api/v1). Events carry
// ids only, so the cache refetches what is on screen and marks the rest stale for its next visit.
type Rule = (data: LiveEvent['data']) => string[];

const id = (value: unknown): string | null => (typeof value === 'string' && value ? encodeURIComponent(value) : null);
const messagesOf: Rule = (data) => [id(data.conversationId) ? `/conversations/${id(data.conversationId)}` : '/conversations'];
const contact: Rule = (data) => (id(data.contactId) ? [`/contacts/${id(data.contactId)}`, '/contacts?'] : ['/contacts']);

export const INVALIDATED_BY: Record<string, Rule> = {
  // A new message moves its conversation in every list and opens or updates one thread.
  'message.created': () => ['/conversations'],
  // Statuses carry no campaign id: an open campaign's funnel follows any of them.
  'message.status': (data) => [...messagesOf(data), '/campaigns/'],
  'message.reaction': messagesOf,
  'message.updated': messagesOf,
  'conversation.updated': () => ['/conversations'],
  'contact.updated': contact,
  'contact.opted_in': contact,
  'contact.opted_out': contact,
  'template.status': () => ['/templates'],
  'campaign.progress': () => ['/campaigns'],
  'campaign.completed': () => ['/campaigns'],
};

export const LIVE_EVENT_NAMES = Object.keys(INVALIDATED_BY);
