// Renders one chat item by Meta type. Interactive parts are real buttons: tapping one
// sends the reply a phone would (button_reply, list_reply, nfm_reply, or a template's
// quick-reply `button`).
import { el, safeUrl, text, timeLabel } from './dom.js';
import { mediaUrl } from './api.js';

const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];
const MEDIA = new Set(['image', 'video', 'audio', 'document', 'sticker']);

export function renderItem(item, actions) {
  const mine = item.from === 'customer';
  const bubble = el('div', { className: `bubble ${mine ? 'mine' : 'theirs'}` });
  if (item.contextId) bubble.append(el('p', { className: 'quote' }, 'Reply to an earlier message'));
  bubble.append(...renderContent(item, actions));
  bubble.append(footerOf(item));
  const reactions = Object.values(item.reactions || {}).filter(Boolean);
  if (reactions.length) bubble.append(el('p', { className: 'reactions', 'aria-label': 'Reactions' }, reactions.join(' ')));
  if (!mine) bubble.append(toolsOf(item, actions));
  return el('li', { className: `item ${mine ? 'right' : 'left'}`, 'data-wamid': item.wamid }, bubble);
}

function footerOf(item) {
  const parts = [timeLabel(item.timestamp)];
  if (item.from === 'customer') parts.push(item.readByBusiness ? '✓✓ read' : '✓');
  else if (item.status) parts.push(item.status === 'failed' ? `failed (${item.errorCode})` : item.status);
  return el('p', { className: 'meta' }, parts.join(' · '));
}

function toolsOf(item, actions) {
  const palette = el('div', { className: 'palette', role: 'group', 'aria-label': 'Choose a reaction' },
    REACTIONS.map((emoji) => el('button', { type: 'button', 'aria-label': `React ${emoji}`, onclick: () => actions.react(item, emoji) }, emoji)),
    el('button', { type: 'button', 'aria-label': 'Remove reaction', onclick: () => actions.react(item, '') }, '✕'));
  return el('div', { className: 'tools' },
    el('button', { type: 'button', className: 'link', onclick: () => actions.reply(item) }, 'Reply'),
    el('details', {}, el('summary', {}, 'React'), palette));
}

function renderContent(item, actions) {
  const c = item.content || {};
  if (item.type === 'text') return [el('p', { className: 'text' }, text(c.body))];
  if (MEDIA.has(item.type)) return renderMedia(item.type, c);
  if (item.type === 'location') return [el('p', { className: 'text' }, `📍 ${[text(c.name), text(c.address)].filter(Boolean).join(', ') || 'Location'} (${c.latitude}, ${c.longitude})`)];
  if (item.type === 'contacts') return (Array.isArray(c) ? c : []).map(contactCard);
  if (item.type === 'template') return renderTemplate(item, actions);
  if (item.type === 'interactive') return item.from === 'business' ? renderInteractive(item, c, actions) : [el('p', { className: 'text' }, interactiveReplyText(c))];
  if (item.type === 'button') return [el('p', { className: 'text' }, text(c.text))];
  if (item.type === 'order') return [el('p', { className: 'text' }, `🛒 Order of ${(c.product_items || []).length} item(s)`)];
  return [el('p', { className: 'text muted' }, `[${item.type}]`)];
}

function renderMedia(type, c) {
  const src = c.id ? mediaUrl(c.id) : safeUrl(c.link);
  const caption = text(c.caption);
  const out = [];
  if (!src) out.push(el('p', { className: 'muted' }, `[${type}]`));
  else if (type === 'image' || type === 'sticker') out.push(el('img', { src, alt: caption || (type === 'sticker' ? 'Sticker' : 'Image'), className: type }));
  else if (type === 'video') out.push(el('video', { src, controls: true, 'aria-label': caption || 'Video' }));
  else if (type === 'audio') out.push(el('audio', { src, controls: true, 'aria-label': c.voice ? 'Voice message' : 'Audio' }));
  else out.push(el('a', { href: src, download: text(c.filename) || 'document', rel: 'noopener noreferrer' }, `📄 ${text(c.filename) || 'Document'}`));
  if (caption) out.push(el('p', { className: 'text' }, caption));
  return out;
}

function contactCard(card) {
  const phones = (card.phones || []).map((p) => text(p.phone)).filter(Boolean).join(', ');
  return el('p', { className: 'text' }, `👤 ${text(card.name && card.name.formatted_name)}${phones ? ` — ${phones}` : ''}`);
}

function headerOf(h) {
  if (!h) return [];
  if (h.type === 'text') return [el('p', { className: 'header' }, text(h.text))];
  return renderMedia(h.type, h[h.type] || {});
}

function renderInteractive(item, c, actions) {
  const out = [...headerOf(c.header), el('p', { className: 'text' }, text(c.body && c.body.text))];
  if (c.footer) out.push(el('p', { className: 'footer' }, text(c.footer.text)));
  const action = c.action || {};
  if (c.type === 'button') {
    const tap = (reply) => () => actions.interactive(item, { type: 'button_reply', button_reply: { id: reply.id, title: reply.title } });
    const buttons = (action.buttons || []).map((b) => el('button', { type: 'button', onclick: tap(b.reply) }, text(b.reply.title)));
    out.push(el('div', { className: 'buttons' }, buttons));
  } else if (c.type === 'list') {
    const rows = (action.sections || []).flatMap((s) => [
      s.title ? el('p', { className: 'section' }, text(s.title)) : null,
      ...(s.rows || []).map((r) => {
        const pick = () => actions.interactive(item, { type: 'list_reply', list_reply: { id: r.id, title: r.title, description: r.description } });
        return el('button', { type: 'button', className: 'row-option', onclick: pick },
          el('span', {}, text(r.title)), r.description ? el('small', {}, text(r.description)) : null);
      }),
    ]);
    out.push(el('details', { className: 'list' }, el('summary', {}, text(action.button)), ...rows));
  } else if (c.type === 'cta_url') {
    const p = action.parameters || {};
    const url = safeUrl(p.url);
    const label = text(p.display_text);
    out.push(url ? el('a', { className: 'cta', href: url, target: '_blank', rel: 'noopener noreferrer' }, label) : el('p', {}, label));
  } else if (c.type === 'flow') {
    const p = action.parameters || {};
    // Completing the flow sends back its token, as WhatsApp's nfm_reply does.
    const responseJson = JSON.stringify({ flow_token: p.flow_token || 'unused' });
    const complete = () => actions.interactive(item, { type: 'nfm_reply', nfm_reply: { response_json: responseJson, body: 'Sent', name: 'flow' } });
    out.push(el('div', { className: 'buttons' }, el('button', { type: 'button', onclick: complete }, text(p.flow_cta) || 'Open')));
  }
  return out;
}

function renderTemplate(item, actions) {
  const r = item.rendered || { body: '', buttons: [] };
  const out = [];
  if (r.header && r.header.text) out.push(el('p', { className: 'header' }, text(r.header.text)));
  else if (r.header && r.header.media) out.push(...renderMedia(r.header.format === 'GIF' ? 'video' : r.header.format.toLowerCase(), r.header.media));
  out.push(el('p', { className: 'text' }, text(r.body)));
  if (r.footer) out.push(el('p', { className: 'footer' }, text(r.footer)));
  const buttons = (r.buttons || []).map((b) => {
    if (b.type === 'QUICK_REPLY') return el('button', { type: 'button', onclick: () => actions.quickReply(item, b) }, text(b.text));
    const url = safeUrl(b.url);
    if (url) return el('a', { className: 'cta', href: url, target: '_blank', rel: 'noopener noreferrer' }, text(b.text));
    return el('span', { className: 'cta muted' }, text(b.text));
  });
  if (buttons.length) out.push(el('div', { className: 'buttons' }, buttons));
  return out;
}

function interactiveReplyText(c) {
  if (c.type === 'button_reply') return text(c.button_reply && c.button_reply.title);
  if (c.type === 'list_reply') return text(c.list_reply && c.list_reply.title);
  if (c.type === 'nfm_reply') return 'Form sent';
  return '[interactive]';
}
