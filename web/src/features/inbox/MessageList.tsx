import { useEffect, useRef } from 'react';
import { MessageBubble } from './MessageBubble';
import type { Message } from './types';

type Props = { messages: Message[]; onReply: ((message: Message) => void) | null; loadEarlier: (() => Promise<void>) | null };

// Oldest first, as in a phone; stays scrolled to the newest message unless the reader scrolled up.
// role="log" makes screen readers announce messages as they arrive.
export function MessageList({ messages, onReply, loadEarlier }: Props) {
  const log = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const byWamid = new Map(messages.filter((m) => m.wamid).map((m) => [m.wamid!, m]));
  const newest = messages[messages.length - 1]?.id;

  useEffect(() => {
    if (pinned.current && log.current) log.current.scrollTop = log.current.scrollHeight;
  }, [newest, messages.length]);

  return (
    <div className="thread-messages">
      {loadEarlier && <button type="button" className="button button-quiet" onClick={() => void loadEarlier()}>Show earlier messages</button>}
      {/* The log scrolls; the list inside keeps its list semantics (a role on the <ol> itself would hide them). */}
      <div
        ref={log}
        className="message-list"
        role="log"
        aria-label="Messages"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
      >
        <ol className="message-items">
          {messages.length === 0 && <li className="message-muted">No messages yet.</li>}
          {messages.map((m) => {
            const c = m.context;
            const quoted = c ? byWamid.get(c.wamid ?? c.id ?? c.message_id ?? '') : undefined;
            return <MessageBubble key={m.id} message={m} quoted={quoted} onReply={onReply} />;
          })}
        </ol>
      </div>
    </div>
  );
}
