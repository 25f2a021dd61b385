// summary.html: the export for a person to read, without tools. Everything comes from export.json;
// every value is escaped (message texts are the customer's own and may contain markup).

type Json = Record<string, unknown>;

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

const table = (head: string[], rows: unknown[][]) =>
  rows.length
    ? `<table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '<p>None.</p>';

/** A short, readable line for a message's content: its text, caption or type. */
function messageText(message: Json): string {
  const content = (message.content ?? {}) as Record<string, Json>;
  const body = content[String(message.type)] ?? {};
  const text = body.body ?? body.caption ?? body.text ?? body.filename ?? body.name;
  return text === undefined ? `(${String(message.type)})` : String(text);
}

export function summaryHtml(document: Json): string {
  const contact = (document.contact ?? {}) as Json;
  const messages = list(document.messages);
  const attributes = Object.entries((contact.attributes ?? {}) as Record<string, string>);
  const sections = [
    `<h1>Data held about ${escape(contact.name ?? contact.phone ?? contact.id)}</h1>`,
    `<p>Exported ${escape(document.exportedAt)} from workspace ${escape(document.workspaceId)}. The machine-readable copy is export.json; media files are in the media folder.</p>`,
    '<h2>Profile</h2>',
    table(['Field', 'Value'], [
      ['Name', contact.name], ['Phone', contact.phone], ['WhatsApp username', contact.username], ['Business-scoped user id', contact.bsuid],
      ['Tags', list(contact.tags).join(', ')], ['Created', contact.createdAt], ...attributes.map(([k, v]) => [`Attribute: ${k}`, v]),
    ]),
    '<h2>Consent</h2>',
    table(['Purpose', 'Granted', 'Source', 'When'], list(document.consent).map((c) => [c.purpose, c.granted ? 'yes' : 'no', c.source, c.at])),
    `<h2>Conversations (${list(document.conversations).length})</h2>`,
    table(['Opened', 'Status', 'Notes'], list(document.conversations).map((c) => [c.createdAt, c.status, list(c.notes).map((n) => n.body).join(' · ')])),
    `<h2>Messages (${messages.length})</h2>`,
    table(['When', 'Direction', 'Content', 'Status', 'Files'], messages.map((m) => [m.timestamp, m.direction, messageText(m), m.status, list(m.media).map((x) => x.file ?? '').join(' ')])),
    '<h2>Campaigns</h2>',
    table(['Campaign', 'Outcome'], list(document.campaignReceipts).map((r) => [r.campaignName ?? r.campaignId, r.skipReason ? `skipped: ${String(r.skipReason)}` : r.state])),
    '<h2>Webhook deliveries to the business’s systems</h2>',
    table(['When', 'Event', 'Status'], list(document.webhookDeliveries).map((d) => [d.createdAt, d.eventType, d.status])),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Personal data export</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}</style>
</head><body>
${sections.join('\n')}
</body></html>
`;
}
