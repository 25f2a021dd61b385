import type { Message } from './types';

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The message's object under its type's name ({ text: { body } } → { body }). */
export function bodyOf(message: Message): Obj {
  const value = message.content?.[message.type];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
}

// One line that stands for a message: search results, quoted replies, reaction targets.
export function messageSummary(message: Message): string {
  const b = bodyOf(message);
  switch (message.type) {
    case 'text':
      return str(b.body) ?? 'Text message';
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'sticker':
      return str(b.caption) ?? str(b.filename) ?? `${message.type[0]!.toUpperCase()}${message.type.slice(1)}`;
    case 'interactive': {
      const reply = (b.button_reply ?? b.list_reply) as Obj | undefined;
      return str(reply?.title) ?? 'Interactive reply';
    }
    case 'button':
      return str(b.text) ?? 'Button reply';
    case 'location':
      return str(b.name) ?? str(b.address) ?? 'Location';
    case 'template':
      return `Template ${str(b.name) ?? ''}`.trim();
    default:
      return message.type.replace(/_/g, ' ');
  }
}
