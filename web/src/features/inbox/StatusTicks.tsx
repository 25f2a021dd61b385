import type { Message } from './types';

// Delivery state of a message we sent, as ticks with a text equivalent for screen readers.
const TICKS: Record<string, { mark: string; label: string }> = {
  queued: { mark: '🕓', label: 'Queued' },
  accepted: { mark: '🕓', label: 'Accepted by WhatsApp' },
  sent: { mark: '✓', label: 'Sent' },
  delivered: { mark: '✓✓', label: 'Delivered' },
  read: { mark: '✓✓', label: 'Read' },
  played: { mark: '✓✓', label: 'Played' },
  failed: { mark: '!', label: 'Failed' },
  uncertain: { mark: '?', label: 'Outcome unknown' },
};

export function StatusTicks({ message }: { message: Message }) {
  const tick = TICKS[message.status] ?? { mark: '·', label: message.status };
  const last = message.statusHistory[message.statusHistory.length - 1];
  return (
    <span className={`message-ticks message-ticks-${message.status}`} title={last ? `${tick.label} ${new Date(last.at).toLocaleString()}` : tick.label}>
      <span aria-hidden="true">{tick.mark}</span>
      <span className="visually-hidden">{tick.label}</span>
    </span>
  );
}
