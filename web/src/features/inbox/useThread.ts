import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../dashboard/useApi';
import { useResource, type Resource } from '../../dashboard/useResource';
import type { Conversation, List, Message } from './types';

const PAGE = 100;
const MEDIA_POLL_MS = 2_000;

export type Thread = {
  conversation: Resource<Conversation>;
  reloadConversation: () => void;
  messages: Resource<List<Message>>;
  earlier: Message[];
  reloadMessages: () => void;
  loadEarlier: (() => Promise<void>) | null;
};

// One conversation and its messages, kept current by the event stream (an event about this conversation
// invalidates its cached GETs, dashboard/liveInvalidation.ts).
export function useThread(conversationId: string): Thread {
  const api = useApi();
  const id = encodeURIComponent(conversationId);
  const [conversation, reloadConversation] = useResource<Conversation>(`/conversations/${id}`);
  const [messages, reloadMessages] = useResource<List<Message>>(`/conversations/${id}/messages?limit=${PAGE}`);
  const [earlier, setEarlier] = useState<{ data: Message[]; cursor: string | null | undefined }>({ data: [], cursor: undefined });

  // Media download in the background and no event says when one is stored: while any is pending,
  // the newest page is refetched every few seconds.
  const pending = messages.status === 'ready' && messages.data.data.some((m) => m.media?.some((x) => x.status === 'pending'));
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(reloadMessages, MEDIA_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, messages, reloadMessages]);

  // Opening a conversation marks it read (Meta's read receipt, when the workspace's settings say so).
  useEffect(() => {
    api(`/conversations/${id}/read`, 'POST').catch(() => undefined);
  }, [api, id]);

  const cursor = earlier.cursor === undefined ? (messages.status === 'ready' ? messages.data.nextCursor : null) : earlier.cursor;
  const loadEarlier = useCallback(async () => {
    if (!cursor) return;
    const page = await api<List<Message>>(`/conversations/${id}/messages?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`);
    setEarlier((e) => ({ data: [...e.data, ...page.data], cursor: page.nextCursor ?? null }));
  }, [api, id, cursor]);

  return { conversation, reloadConversation, messages, earlier: earlier.data, reloadMessages, loadEarlier: cursor ? loadEarlier : null };
}
