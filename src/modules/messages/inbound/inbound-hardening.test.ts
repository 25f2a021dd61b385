import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startEnvelopeProcessor, type InboundItem } from '../../channels';
import { useInboundFixture } from '../testing/inbound-fixture';

// Ingest stores what it received and never fails on content; processing is per item (one bad item
// is recorded with its reason, the rest of its envelope applied); user_changed_user_id without
// `from`; reactions to messages we never saw; usernames and BSUIDs shown. Signed bodies are posted
// to the real webhook route.

const fx = useInboundFixture();
const now = () => String(Math.floor(Date.now() / 1000));
let serial = 0;
const wamid = (label: string) => `wamid.hardening.${label}.${(serial += 1)}`;

async function post(value: Record<string, unknown>, field = 'messages'): Promise<number> {
  const { number } = fx.h;
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: number.wabaId, changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId }, ...value } }] }] }));
  const response = await fx.h.deliver({ raw, signature: fx.h.sign(raw) });
  return response.status;
}

type Msg = { id: string; type: string; contactId: string; conversationId: string; content?: Record<string, Record<string, unknown>>; reactions: { emoji: string }[] };
async function byWamid(id: string): Promise<Msg | undefined> {
  const r = await fx.api.get(`/api/v1/messages?wamid=${encodeURIComponent(id)}`);
  assert.equal(r.status, 200, r.text);
  return (r.body as { data: Msg[] }).data[0];
}
const failures = async () => (await sql<{ envelope_id: string; item_index: number; kind: string; reason: string }>`select envelope_id, item_index, kind, reason from inbound_item_failures order by envelope_id, item_index`.execute(fx.t.container.database.db)).rows;
const unprocessed = async () => Number((await sql<{ n: string }>`select count(*) as n from webhook_envelopes where processed_at is null`.execute(fx.t.container.database.db)).rows[0]!.n);
const text = (from: string, id: string, body: string, timestamp: unknown = now()) => ({ from, id, timestamp, type: 'text', text: { body } });

test('ids with nothing to index ("abc", "+", placeholders) are stored, never refused, and the rest of the body is applied', async () => {
  const ok = wamid('indexable');
  const status = await post({
    contacts: [{ profile: { name: 'No Digits' }, wa_id: 'abc' }],
    messages: [text('abc', wamid('abc'), 'from abc'), text('+', wamid('plus'), 'from +'), text('{{phone}}', wamid('placeholder'), 'x'), text('16315550301', ok, 'a real customer')],
    statuses: [{ id: wamid('status'), status: 'sent', timestamp: now(), recipient_id: '+' }],
    user_preferences: [{ wa_id: 'abc', category: 'marketing_messages', value: 'stop', timestamp: Number(now()) }],
  });
  assert.equal(status, 200, 'the envelope is stored');
  await fx.h.process();
  assert.ok(await byWamid(ok), 'the valid message is stored');
  assert.equal(await unprocessed(), 0);
  const recorded = await failures();
  assert.deepEqual(recorded.map((f) => [f.kind, f.reason]), [['message', 'no_customer_identity'], ['message', 'no_customer_identity'], ['message', 'no_customer_identity'], ['status', 'no_customer_identity'], ['user_preference', 'no_customer_identity']]);
  assert.deepEqual(recorded.map((f) => f.item_index), [0, 1, 2, 4, 5], 'positions in the envelope, the valid message (3) absent');
});

test('a mixed envelope of 5 valid items and 1 bad one stores the 5 and records the 1; hostile values are stored as sent', async () => {
  await sql`delete from inbound_item_failures`.execute(fx.t.container.database.db);
  const valid = [wamid('nul'), wamid('surrogate'), wamid('huge-ts'), wamid('negative-ts'), wamid('wrong-type')];
  const status = await post({
    contacts: [{ profile: { name: 'Lone \ud800 Surrogate\u0000' }, wa_id: '16315550302' }],
    messages: [
      text('16315550302', valid[0]!, 'NUL \u0000 inside'),
      text('16315550302', valid[1]!, 'lone \udc00 surrogate'),
      text('16315550302', valid[2]!, 'far future', '99999999999999999999'),
      { from: '16315550302', id: 12345, timestamp: now(), type: 'text', text: { body: 'an id of the wrong type' } },
      text('16315550302', valid[3]!, 'before 1970', '-86400'),
      { from: '16315550302', id: valid[4]!, timestamp: { nested: true }, type: 'image', image: { id: ['not', 'an', 'id'], mime_type: 'image/jpeg\u0000', sha256: 42 } },
    ],
  });
  assert.equal(status, 200);
  await fx.h.process();
  for (const id of valid) assert.ok(await byWamid(id), `${id} stored`);
  assert.deepEqual((await byWamid(valid[0]!))!.content, { text: { body: 'NUL \u0000 inside' } }, 'content kept exactly as Meta sent it (sealed, not repaired)');
  assert.deepEqual((await failures()).map((f) => [f.item_index, f.kind, f.reason]), [[3, 'message', 'message_without_id']]);
  assert.equal(await unprocessed(), 0, 'the envelope is processed, not parked');
});

test('an item failing in the database is rolled back alone: the batch falls back to one savepoint per item', async () => {
  await sql`delete from inbound_item_failures`.execute(fx.t.container.database.db);
  const ids = [wamid('a'), wamid('poison'), wamid('b'), wamid('c')];
  for (const id of ids) assert.equal(await post({ contacts: [{ profile: { name: 'Pat' }, wa_id: '16315550303' }], messages: [text('16315550303', id, `message ${id}`)] }), 200);
  // The poison item fails with what PostgreSQL answers a NUL byte in a text column (22P05).
  const real = fx.t.container.envelopeSink;
  const sink = async (tx: Parameters<typeof real>[0], workspaceId: string, items: InboundItem[]) => {
    const result = await real(tx, workspaceId, items);
    if (items.some((i) => i.kind === 'message' && i.message.id === ids[1])) await sql`select ${'poison\u0000'}::text`.execute(tx);
    return result;
  };
  const processor = startEnvelopeProcessor({ channels: fx.t.container.channels, clock: fx.t.container.clock, logger: fx.t.container.logger, sink, autoStart: false });
  await processor.drain();
  await processor.stop();
  for (const id of [ids[0]!, ids[2]!, ids[3]!]) assert.ok(await byWamid(id), `${id} stored`);
  assert.equal(await byWamid(ids[1]!), undefined, 'the failing item rolled back');
  const recorded = await failures();
  assert.equal(recorded.length, 1);
  assert.match(recorded[0]!.reason, /^sqlstate_22/);
  assert.equal(await unprocessed(), 0, 'every envelope processed, none parked');
});

test('a user_changed_user_id system message without `from` is applied to the contact its BSUID (or the contacts block) names', async () => {
  const first = wamid('bsuid-first');
  assert.equal(await post({ contacts: [{ profile: { name: 'Username User', username: 'uma.user' }, wa_id: '', user_id: 'US.11112222' }], messages: [{ from: '', from_user_id: 'US.11112222', id: first, timestamp: now(), type: 'text', text: { body: 'hi from a username' } }] }), 200);
  await fx.h.process();
  const contactId = (await byWamid(first))!.contactId;
  const contact = (await fx.api.get(`/api/v1/contacts/${contactId}`)).body as { name: string; phone: string | null; username: string | null; bsuid: string | null };
  assert.deepEqual([contact.name, contact.phone, contact.username, contact.bsuid], ['Username User', null, 'uma.user', 'US.11112222'], 'a contact without a phone shows its username and BSUID');

  const change = wamid('bsuid-change');
  assert.equal(await post({ messages: [{ from_user_id: 'US.11112222', id: change, timestamp: now(), type: 'system', system: { type: 'user_changed_user_id', user_id: 'US.33334444', body: 'changed' } }] }), 200);
  await fx.h.process();
  const viaContacts = wamid('bsuid-contacts');
  assert.equal(await post({ contacts: [{ profile: { name: 'Username User' }, user_id: 'US.33334444' }], messages: [{ id: viaContacts, timestamp: now(), type: 'system', system: { type: 'user_changed_user_id', user_id: 'US.55556666', body: 'changed again' } }] }), 200);
  await fx.h.process();
  assert.equal((await byWamid(change))?.contactId, contactId, 'stored on the same contact');
  assert.equal((await byWamid(viaContacts))?.contactId, contactId, 'matched through the contacts block');
  assert.equal(((await fx.api.get(`/api/v1/contacts/${contactId}`)).body as { bsuid: string }).bsuid, 'US.55556666', 'the newest BSUID is the address');
  const later = wamid('bsuid-later');
  const bare = wamid('bsuid-bare');
  assert.equal(await post({ messages: [{ from_user_id: 'US.55556666', id: later, timestamp: now(), type: 'text', text: { body: 'still me' } }] }), 200);
  // No `from`, no from_user_id, no contacts block: the BSUID the message announces is the only id.
  assert.equal(await post({ messages: [{ id: bare, timestamp: now(), type: 'system', system: { type: 'user_changed_user_id', user_id: 'US.55556666', body: 'changed' } }] }), 200);
  await fx.h.process();
  assert.equal((await byWamid(later))?.contactId, contactId);
  assert.equal((await byWamid(bare))?.contactId, contactId, 'not dropped');
});

test('a reaction to a message we never stored is visible in its conversation, naming its target', async () => {
  const hello = wamid('hello');
  const reaction = wamid('reaction');
  assert.equal(await post({ contacts: [{ profile: { name: 'Rae' }, wa_id: '16315550304' }], messages: [text('16315550304', hello, 'hello')] }), 200);
  assert.equal(await post({ contacts: [{ profile: { name: 'Rae' }, wa_id: '16315550304' }], messages: [{ from: '16315550304', id: reaction, timestamp: now(), type: 'reaction', reaction: { message_id: 'wamid.sent-from-the-business-app', emoji: '❤️' } }] }), 200);
  await fx.h.process();
  const { conversationId } = (await byWamid(hello))!;
  const listed = ((await fx.api.get(`/api/v1/messages?conversationId=${conversationId}`)).body as { data: Msg[] }).data;
  const shown = listed.find((m) => m.type === 'reaction');
  assert.ok(shown, 'listed in the conversation');
  assert.deepEqual(shown.content, { reaction: { message_id: 'wamid.sent-from-the-business-app', emoji: '❤️' } });
  // A reaction to a stored message still attaches to it, and is no message of its own.
  assert.equal(await post({ contacts: [{ profile: { name: 'Rae' }, wa_id: '16315550304' }], messages: [{ from: '16315550304', id: wamid('reaction-known'), timestamp: now(), type: 'reaction', reaction: { message_id: hello, emoji: '👍' } }] }), 200);
  await fx.h.process();
  assert.deepEqual((await byWamid(hello))!.reactions.map((r) => r.emoji), ['👍']);
  assert.equal(((await fx.api.get(`/api/v1/messages?conversationId=${conversationId}`)).body as { data: Msg[] }).data.filter((m) => m.type === 'reaction').length, 1);
});
