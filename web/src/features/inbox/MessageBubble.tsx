import { MessageContent } from './MessageContent';
import { messageSummary } from './messageSummary';
import { StatusTicks } from './StatusTicks';
import type { Message } from './types';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

type Props = { message: Message; quoted: Message | undefined; onReply: ((message: Message) => void) | null };

export function MessageBubble({ message, quoted, onReply }: Props) {
  const outbound = message.direction === 'outbound';
  const context = message.context;
  const quotedId = context?.wamid ?? context?.id ?? context?.message_id;
  const time = new Date(message.timestamp);
  return (
    <li className={`message ${outbound ? 'message-out' : 'message-in'}${message.status === 'failed' ? ' message-failed' : ''}`} data-message-id={message.id}>
      <p className="visually-hidden">{outbound ? 'You sent:' : 'Customer:'}</p>
      {(context?.forwarded || context?.frequentlyForwarded) && <p className="message-flag">{context.frequentlyForwarded ? 'Forwarded many times' : 'Forwarded'}</p>}
      {quotedId && (
        <blockquote className="message-quote">
          <span className="visually-hidden">In reply to: </span>
          {quoted ? messageSummary(quoted) : 'an earlier message'}
        </blockquote>
      )}
      {message.automation && <p className="message-flag">Automated reply ({message.automation.replace(/_/g, ' ')})</p>}
      {message.referral && <Referral referral={message.referral} />}
      {message.deleted ? <p className="message-deleted">The customer deleted this message.</p> : <MessageContent message={message} />}
      {message.edited && !message.deleted && <p className="message-flag">Edited</p>}
      {message.error && message.status === 'failed' && (
        <div className="message-error" role="note">
          <strong>{message.error.title ?? 'Not sent'}</strong>
          {message.error.details && <span>{message.error.details}</span>}
          {message.error.hint && <span>{message.error.hint}</span>}
        </div>
      )}
      {message.reactions.length > 0 && (
        <p className="message-reactions" aria-label={`Reactions: ${message.reactions.map((r) => r.emoji).join(' ')}`}>
          {message.reactions.map((r) => <span key={`${r.from}${r.at}`} aria-hidden="true">{r.emoji}</span>)}
        </p>
      )}
      <p className="message-meta">
        <time dateTime={message.timestamp}>{time.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}</time>
        {outbound && <StatusTicks message={message} />}
        {onReply && message.wamid && <button type="button" className="link-button" onClick={() => onReply(message)}>Reply<span className="visually-hidden"> to this message</span></button>}
      </p>
    </li>
  );
}

function Referral({ referral }: { referral: Obj }) {
  const url = str(referral.source_url);
  return (
    <div className="message-referral">
      <p className="message-kind">{`From ${referral.source_type === 'post' ? 'a post' : 'an ad'}`}</p>
      {str(referral.headline) && <p>{str(referral.headline)}</p>}
      {str(referral.body) && <p>{str(referral.body)}</p>}
      {url && /^https?:\/\//.test(url) && <a href={url} target="_blank" rel="noopener noreferrer">Open the source</a>}
    </div>
  );
}
