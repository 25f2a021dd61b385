import { MediaView } from './MediaView';
import { bodyOf } from './messageSummary';
import { TemplateMessage } from './TemplateMessage';
import type { Message } from './types';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);
const MEDIA = new Set(['image', 'audio', 'video', 'document', 'sticker']);

// Every message type of Meta's reference, drawn as React text (never as HTML).
export function MessageContent({ message }: { message: Message }) {
  const b = bodyOf(message);
  if (!message.content) return <p className="message-muted">Content hidden.</p>;
  if (MEDIA.has(message.type)) return <MediaView message={message} body={b} />;
  switch (message.type) {
    case 'text':
      return <p className="message-text">{str(b.body)}</p>;
    case 'location':
      return <LocationView b={b} />;
    case 'contacts':
      return <ContactCards cards={arr(message.content.contacts)} />;
    case 'interactive':
      return <InteractiveView b={b} />;
    case 'button':
      return <p className="message-text"><span className="message-kind">Button </span>{str(b.text)}</p>;
    case 'reaction':
      return <p className="message-text">{str(b.emoji) ? `Reacted ${str(b.emoji)}` : 'Removed a reaction'}</p>;
    case 'order':
      return <OrderView b={b} />;
    case 'system':
      return <p className="message-system">{str(b.body) ?? 'The customer changed their number or user id.'}</p>;
    case 'request_welcome':
      return <p className="message-system">The customer opened the chat for the first time.</p>;
    case 'template':
      return <TemplateMessage b={b} />;
    default:
      return <UnsupportedView message={message} />;
  }
}

function LocationView({ b }: { b: Obj }) {
  const lat = Number(b.latitude);
  const lng = Number(b.longitude);
  const map = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`;
  return (
    <div className="message-location">
      <p className="message-kind">Location</p>
      {str(b.name) && <p className="message-text">{str(b.name)}</p>}
      {str(b.address) && <p>{str(b.address)}</p>}
      <a href={map} target="_blank" rel="noopener noreferrer">{`${lat.toFixed(5)}, ${lng.toFixed(5)} on a map`}</a>
    </div>
  );
}

function ContactCards({ cards }: { cards: Obj[] }) {
  return (
    <ul className="message-contacts" aria-label="Shared contacts">
      {cards.map((card, i) => (
        <li key={i}>
          <strong>{str(obj(card.name).formatted_name) ?? 'Contact'}</strong>
          {arr(card.phones).map((p, j) => <span key={`p${j}`}>{str(p.phone)}</span>)}
          {arr(card.emails).map((e, j) => <span key={`e${j}`}>{str(e.email)}</span>)}
        </li>
      ))}
    </ul>
  );
}

function InteractiveView({ b }: { b: Obj }) {
  const reply = obj(b.button_reply ?? b.list_reply);
  if (str(reply.title)) {
    return <p className="message-text"><span className="message-kind">Chose </span>{str(reply.title)}{str(reply.description) && ` — ${str(reply.description)}`}</p>;
  }
  if (b.nfm_reply) return <p className="message-text"><span className="message-kind">Form reply </span>{str(obj(b.nfm_reply).body) ?? 'Sent'}</p>;
  // One we sent: body text and its choices.
  const buttons = arr(obj(b.action).buttons).map((x) => str(obj(x.reply).title) ?? str(x.title)).filter(Boolean);
  return (
    <div>
      <p className="message-text">{str(obj(b.body).text) ?? 'Interactive message'}</p>
      {buttons.length > 0 && <p className="message-buttons">{buttons.join(' · ')}</p>}
    </div>
  );
}

function OrderView({ b }: { b: Obj }) {
  const items = arr(b.product_items);
  return (
    <div>
      <p className="message-kind">Order ({items.length} {items.length === 1 ? 'item' : 'items'})</p>
      {str(b.text) && <p className="message-text">{str(b.text)}</p>}
      <ul className="message-order">
        {items.map((item, i) => <li key={i}>{`${str(item.quantity) ?? 1} × ${str(item.product_retailer_id)} — ${str(item.item_price)} ${str(item.currency) ?? ''}`}</li>)}
      </ul>
    </div>
  );
}

function UnsupportedView({ message }: { message: Message }) {
  const first = obj(message.errors?.[0]);
  const detail = str(obj(first.error_data).details) ?? str(first.title) ?? str(first.message);
  return <p className="message-muted">{`This message type (${message.type}) cannot be shown here.`}{detail && ` ${detail}`}</p>;
}
