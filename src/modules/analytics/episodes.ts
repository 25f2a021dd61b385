import { localDay } from './local-day';
import type { Episode } from './facts';

/** The workspace's calendar as the rollups read it: its time zone and business hours. */
export interface Calendar {
  timeZone: string;
  isOpen(at: Date): boolean;
}

export interface EpisodeMessage {
  conversationId: string;
  channelId: string;
  direction: 'inbound' | 'outbound';
  sentAt: Date;
  automated: boolean;
  agentId: string | null;
}

export interface StatusChange {
  conversationId: string;
  channelId: string;
  status: string;
  at: Date;
  assigneeId: string | null;
  labels: string[];
}

function startEpisode(calendar: Calendar, previous: Episode | undefined, conversationId: string, channelId: string, at: Date): Episode {
  return {
    conversation_id: conversationId, seq: (previous?.seq ?? 0) + 1, channel_id: channelId, kind: previous ? 'reopened' : 'opened',
    opened_at: at, opened_day: localDay(at, calendar.timeZone), opened_in_hours: calendar.isOpen(at),
    first_customer_at: null, customer_in_hours: null, first_response_at: null, response_day: null, responder_id: null,
    resolved_at: null, resolved_day: null, assignee_id: null, labels: [],
  };
}

/**
 * A message in a conversation whose latest episode is `current`: its first message opens one, a
 * customer's message to a resolved one reopens it; the customer's first message starts the
 * response clock and the first reply by a person or the API (not an automation) stops it.
 * Returns the episode the message belongs to (new or `current`, changed in place).
 */
export function applyMessage(calendar: Calendar, current: Episode | undefined, m: EpisodeMessage): Episode {
  const reopens = !current || (current.resolved_at !== null && m.direction === 'inbound');
  const episode = reopens ? startEpisode(calendar, current, m.conversationId, m.channelId, m.sentAt) : current;
  if (m.direction === 'inbound' && !episode.first_customer_at) {
    episode.first_customer_at = m.sentAt;
    episode.customer_in_hours = calendar.isOpen(m.sentAt);
  }
  if (m.direction === 'outbound' && !m.automated && episode.first_customer_at && !episode.first_response_at && m.sentAt >= episode.first_customer_at) {
    episode.first_response_at = m.sentAt;
    episode.response_day = localDay(m.sentAt, calendar.timeZone);
    episode.responder_id = m.agentId;
  }
  return episode;
}

/**
 * A person set a conversation's status at `at`: resolved ends the episode, with the conversation's
 * assignee and labels as they are when the worker reads them; a resolved one set open or pending
 * again is reopened.
 */
export function applyStatusChange(calendar: Calendar, current: Episode | undefined, c: StatusChange): Episode | undefined {
  if (!current) return undefined;
  if (c.status === 'resolved' && !current.resolved_at) {
    const at = c.at < current.opened_at ? current.opened_at : c.at;
    current.resolved_at = at;
    current.resolved_day = localDay(at, calendar.timeZone);
    current.assignee_id = c.assigneeId;
    current.labels = [...c.labels];
    return current;
  }
  if (c.status !== 'resolved' && current.resolved_at) return startEpisode(calendar, current, c.conversationId, c.channelId, c.at < current.resolved_at ? current.resolved_at : c.at);
  return current;
}
