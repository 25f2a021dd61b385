import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useInboundFixture } from '../testing/inbound-fixture';

// Every inbound type of reference §8, driven through the simulator over real HTTP: the signed
// envelopes it posts are delivered to the product, stored encrypted, processed by the worker.

const fx = useInboundFixture();
const CUSTOMER = '16315550147';
const NAME = 'Zéphyrine Quàrtz';


type Msg = { id: string; type: string; status: string; content?: Record<string, Record<string, unknown>>; contactId: string; conversationId: string; reactions: { emoji: string }[]; media?: { id: string; status: string }[]; context?: Record<string, unknown>; referral?: unknown; errors?: unknown[] };

async function byWamid(wamid: string): Promise<Msg> {
  const r = await fx.api.get(`/api/v1/messages?wamid=${encodeURIComponent(wamid)}`);
  assert.equal(r.status, 200, r.text);
  const [m] = (r.body as { data: Msg[] }).data;
  assert.ok(m, `message ${wamid} stored`);
  return m;
}

async function send(input: Record<string, unknown>): Promise<string> {
  return fx.h.sim.engine.injectInbound({ phoneNumberId: fx.h.number.phoneNumberId, from: CUSTOMER, profileName: NAME, ...input } as never).wamid;
}

async function deliverAll() {
  for (const c of await fx.h.take()) assert.equal((await fx.h.deliver(c)).status, 200);
  await fx.h.process();
}

test('every inbound type is stored normalized, deduplicated, with content encrypted and media fetched', async () => {
  const w: Record<string, string> = {};
  w.text = await send({ type: 'text', text: { body: 'Hello quokka marmalade' }, referral: { source_url: 'https://fb.me/x', source_id: '1', source_type: 'ad', headline: 'Ad' } });
  w.image = await send({ type: 'image', image: { caption: 'Receipt photo', mime_type: 'image/jpeg' } });
  w.audio = await send({ type: 'audio', audio: { voice: true } });
  w.video = await send({ type: 'video', video: { caption: 'clip' } });
  w.document = await send({ type: 'document', document: { filename: 'invoice.pdf', caption: 'invoice' } });
  w.sticker = await send({ type: 'sticker', sticker: { animated: false } });
  w.location = await send({ type: 'location', location: { latitude: 38.7, longitude: -9.1, name: 'Lisboa' } });
  w.contacts = await send({ type: 'contacts', contacts: [{ name: { formatted_name: 'Ann Lee' }, phones: [{ phone: '+1 555 0100' }] }] });
  w.button_reply = await send({ type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } } });
  w.list_reply = await send({ type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Row one', description: 'd' } } });
  w.nfm_reply = await send({ type: 'interactive', interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{"flow_token":"t"}' } } });
  w.button = await send({ type: 'button', button: { payload: 'P1', text: 'Confirm' } });
  w.order = await send({ type: 'order', order: { catalog_id: 'c1', product_items: [{ product_retailer_id: 'sku', quantity: 2, item_price: 9.5, currency: 'EUR' }] } });
  w.request_welcome = await send({ type: 'request_welcome' });
  w.unsupported = await send({ type: 'unsupported', unsupported: { type: 'poll' } });
  w.unknown = await send({ type: 'unknown' });
  await deliverAll();
  w.reaction = await send({ type: 'reaction', reaction: { message_id: w.text, emoji: '👍' } });
  await deliverAll();

  const text = await byWamid(w.text);
  assert.equal(text.type, 'text');
  assert.deepEqual(text.content, { text: { body: 'Hello quokka marmalade' } });
  assert.ok(text.referral, 'referral kept');
  assert.deepEqual(text.reactions.map((r) => r.emoji), ['👍']);
  for (const [key, type] of Object.entries({ image: 'image', audio: 'audio', video: 'video', document: 'document', sticker: 'sticker', location: 'location', contacts: 'contacts', button_reply: 'interactive', list_reply: 'interactive', nfm_reply: 'interactive', button: 'button', order: 'order', request_welcome: 'request_welcome', unsupported: 'unsupported', unknown: 'unknown' })) {
    const m = await byWamid(w[key]!);
    assert.equal(m.type, type, key);
    assert.equal(m.status, 'received');
    assert.equal(m.contactId, text.contactId, 'one contact');
    assert.equal(m.conversationId, text.conversationId, 'one conversation');
    if (type !== 'unknown') assert.ok(m.content?.[type], `${key} content`);
  }
  assert.equal((await byWamid(w.button_reply)).content!.interactive!.type, 'button_reply');
  assert.ok((await byWamid(w.unsupported)).errors?.length, 'unsupported keeps its errors');
  const image = await byWamid(w.image);
  assert.equal(image.media?.[0]?.status, 'stored', 'media fetched and stored');
  const file = await fx.api.get(`/api/v1/media/${image.media![0]!.id}`);
  assert.equal(file.status, 200);

  const conv = (await fx.api.get(`/api/v1/conversations/${text.conversationId}`)).body as { windowExpiresAt: string; freeEntryPointExpiresAt: string; status: string; lastCustomerMessageAt: string };
  assert.equal(conv.status, 'open');
  assert.equal(Date.parse(conv.windowExpiresAt) - Date.parse(conv.lastCustomerMessageAt), 86_400_000);
  assert.ok(conv.freeEntryPointExpiresAt, '72 h free-entry-point window after a referral');

  // Removal (emoji omitted) detaches the reaction.
  await send({ type: 'reaction', reaction: { message_id: w.text } });
  await deliverAll();
  assert.deepEqual((await byWamid(w.text)).reactions, []);

  // Meta's timestamps have one-second precision: an add and its undo within the same second end
  // removed, whichever envelope arrives first (a separate envelope each).
  const second = Math.floor(Date.now() / 1000) + 60;
  for (const [target, reversed] of [[w.image!, false], [w.video!, true]] as const) {
    await send({ type: 'reaction', reaction: { message_id: target, emoji: '🔥' }, timestamp: second });
    const add = await fx.h.take();
    await send({ type: 'reaction', reaction: { message_id: target }, timestamp: second });
    const undo = await fx.h.take();
    for (const c of reversed ? [...undo, ...add] : [...add, ...undo]) assert.equal((await fx.h.deliver(c)).status, 200);
    await fx.h.process();
    assert.deepEqual((await byWamid(target)).reactions, [], `same-second undo, ${reversed ? 'undo first' : 'in order'}`);
  }

  // Search: every word must match.
  const found = await fx.api.get('/api/v1/messages/search?q=QUOKKA%20marmalade');
  assert.deepEqual((found.body as { data: Msg[] }).data.map((m) => m.id), [text.id]);
  assert.deepEqual(((await fx.api.get('/api/v1/messages/search?q=quokka%20nothere')).body as { data: Msg[] }).data, []);

  // Contact: name and phone readable through the API only.
  const contact = (await fx.api.get(`/api/v1/contacts/${text.contactId}`)).body as { name: string; phone: string };
  assert.equal(contact.name, NAME);
  assert.equal(contact.phone, `+${CUSTOMER}`);

  // Nothing readable at rest.
  const db = fx.t.container.database.db;
  for (const table of ['webhook_envelopes', 'messages', 'contacts', 'contact_identities', 'media', 'message_reactions', 'events', 'jobs', 'conversations']) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const blob = JSON.stringify(rows.map((r) => Object.values(r).map((v) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))));
    for (const secret of ['quokka', 'marmalade', 'Zéphyrine', CUSTOMER, 'invoice.pdf', 'Lisboa', 'Receipt']) assert.ok(!blob.includes(secret), `${table} holds no "${secret}"`);
  }
});

test('a number change and a BSUID keep the same contact', async () => {
  const first = await send({ type: 'text', text: { body: 'before the change' } });
  await deliverAll();
  const contactId = (await byWamid(first)).contactId;
  await send({ type: 'system', system: { type: 'user_changed_number', newWaId: '16315550999', body: 'changed' } });
  await deliverAll();
  const after = fx.h.sim.engine.injectInbound({ phoneNumberId: fx.h.number.phoneNumberId, from: '16315550999', type: 'text', text: { body: 'from my new number' } } as never).wamid;
  await deliverAll();
  assert.equal((await byWamid(after)).contactId, contactId);
});

test('STOP and START keywords write the hash-chained consent ledger once each, redeliveries included', async () => {
  const stop = await send({ type: 'text', text: { body: ' Stop! ' } });
  const captured = await fx.h.take();
  for (let i = 0; i < 3; i++) for (const c of captured) assert.equal((await fx.h.deliver(c)).status, 200);
  await fx.h.process();
  const contactId = (await byWamid(stop)).contactId;
  let ledger = (await fx.api.get(`/api/v1/contacts/${contactId}/consent`)).body as { data: { granted: boolean; source: string }[] };
  assert.deepEqual(ledger.data.map((e) => [e.granted, e.source]), [[false, 'keyword']]);
  await send({ type: 'text', text: { body: 'ARRÊT' } });
  await send({ type: 'text', text: { body: 'start' } });
  await deliverAll();
  ledger = (await fx.api.get(`/api/v1/contacts/${contactId}/consent`)).body as { data: { granted: boolean; source: string }[] };
  assert.deepEqual(ledger.data.map((e) => e.granted), [false, false, true]);
  assert.equal(((await fx.api.get(`/api/v1/contacts/${contactId}`)).body as { marketingConsent: boolean }).marketingConsent, true);
  const api1 = await fx.api.post(`/api/v1/contacts/${contactId}/consent`, { purpose: 'marketing', granted: false, source: 'crm' });
  assert.equal(api1.status, 201, api1.text);
  assert.equal(((await fx.api.get(`/api/v1/contacts/${contactId}`)).body as { marketingConsent: boolean }).marketingConsent, false);
});

test('edits and revokes apply to the original (amendments.test.ts has the details); an analyst reads no message content', async () => {
  const original = await send({ type: 'text', text: { body: 'original words' } });
  await deliverAll();
  const now = Math.floor(Date.now() / 1000) + 1;
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '1', phone_number_id: fx.h.number.phoneNumberId },
    contacts: [{ profile: { name: NAME }, wa_id: CUSTOMER }],
    messages: [
      { from: CUSTOMER, id: `wamid.edit-${now}`, timestamp: String(now), type: 'edit', edit: { original_message_id: original, message: { type: 'text', text: { body: 'edited pangolin' } } } },
      { from: CUSTOMER, id: `wamid.revoke-${now}`, timestamp: String(now + 1), type: 'revoke', revoke: { original_message_id: original } },
    ],
  };
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: fx.h.number.wabaId, changes: [{ field: 'messages', value }] }] }));
  assert.equal((await fx.h.deliver({ raw, signature: fx.h.sign(raw) })).status, 200);
  await fx.h.process();
  const m = (await byWamid(original)) as Msg & { edited: boolean; deleted: boolean };
  assert.deepEqual([m.edited, m.deleted, m.content], [true, true, undefined]);
  assert.equal(((await fx.api.get(`/api/v1/messages?wamid=wamid.edit-${now}`)).body as { data: Msg[] }).data.length, 0, 'an edit is not a message of its own');
  assert.deepEqual(((await fx.api.get('/api/v1/messages/search?q=pangolin')).body as { data: Msg[] }).data, [], 'a deleted message is not searchable');
  const analyst = (await fx.t.apiKey(fx.api, 'analyst')).client;
  assert.equal((await analyst.get(`/api/v1/messages/${m.id}`)).status, 403);
  assert.equal((await analyst.get('/api/v1/conversations')).status, 403);
});
