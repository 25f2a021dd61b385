import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startWebhookFanOut } from '../../integrations';
import type { useInboundFixture } from '../../messages/testing';

type InboundFixture = ReturnType<typeof useInboundFixture>;

interface Person {
  phone: string;
  name: string;
  /** Words only this person's data holds (message text, caption, note, attribute), to scan for. */
  word: string;
}

export interface SeededPerson {
  contactId: string;
  conversationId: string;
  messageIds: string[];
  mediaIds: string[];
}

type Message = { id: string; contactId: string; conversationId: string; media?: { id: string; status: string }[] };

/** A webhook subscription that collects deliveries (never reached: the fan-out only records them). */
export async function subscribeWebhooks(fx: InboundFixture): Promise<void> {
  const created = await fx.api.post('/api/v1/webhook-subscriptions', { url: 'http://127.0.0.1:9/hook', events: ['message.received', 'contact.opted_in'] });
  assert.equal(created.status, 201, created.text);
}

/**
 * A customer with data in every module: messages (text, image with its file, a reaction), a reply
 * queued to them, a note, tags and attributes, a consent entry, a campaign receipt, an automated
 * reply decided and webhook deliveries about them.
 */
export async function seedPerson(fx: InboundFixture, person: Person): Promise<SeededPerson> {
  const send = (input: Record<string, unknown>) => fx.h.sim.engine.injectInbound({ phoneNumberId: fx.h.number.phoneNumberId, from: person.phone, profileName: person.name, ...input } as never).wamid;
  const deliverAll = async () => {
    for (const c of await fx.h.take()) assert.equal((await fx.h.deliver(c)).status, 200);
    await fx.h.process();
  };
  const text = send({ type: 'text', text: { body: `hello ${person.word}` } });
  send({ type: 'image', image: { caption: `photo ${person.word}`, mime_type: 'image/jpeg' } });
  await deliverAll();
  send({ type: 'reaction', reaction: { message_id: text, emoji: '🦩' } });
  await deliverAll();

  const listed = await fx.api.get(`/api/v1/messages?wamid=${encodeURIComponent(text)}`);
  const { contactId, conversationId } = (listed.body as { data: Message[] }).data[0]!;
  assert.equal((await fx.api.post(`/api/v1/conversations/${conversationId}/notes`, { body: `note about ${person.word}` })).status, 201);
  assert.equal((await fx.api.patch(`/api/v1/contacts/${contactId}`, { tags: ['vip'], attributes: { favourite: person.word } })).status, 200);
  assert.equal((await fx.api.post(`/api/v1/contacts/${contactId}/consent`, { purpose: 'marketing', granted: true, source: 'form' })).status, 201);
  const reply = await fx.api.post('/api/v1/messages', { contactId, type: 'text', text: { body: `reply to ${person.word}` } });
  assert.equal(reply.status, 202, reply.text);
  // A campaign receipt and an automated reply decision, written as their modules write them.
  const db = fx.t.container.database.db;
  await sql`insert into campaign_recipients (workspace_id, campaign_id, contact_id, state, skip_reason) select workspace_id, 'campaign-fixture', ${contactId}, 'skipped', 'no_consent' from contacts where id = ${contactId}`.execute(db);
  const all = ((await fx.api.get(`/api/v1/messages?contactId=${contactId}&limit=200`)).body as { data: Message[] }).data;
  await sql`insert into automation_replies (workspace_id, dedupe_key, kind, trigger_message_id) select workspace_id, ${`welcome:${contactId}`}, 'welcome', ${all[all.length - 1]!.id} from contacts where id = ${contactId}`.execute(db);
  // The fan-out takes only events of transactions older than every one still running on the server
  // (other test files' too, on PostgreSQL), so it runs until this person's events are in.
  const fanOut = startWebhookFanOut(fx.t.container.integrations, { intervalMs: 20 });
  try {
    for (let tries = 0; ; tries++) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from webhook_deliveries d join events e on e.workspace_id = d.workspace_id and e.id = d.event_id where e.data->>'contactId' = ${contactId}`.execute(db);
      if (Number(rows[0]!.n) > 0) break;
      assert.ok(tries < 200, 'the events about the person were fanned out');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await fanOut.stop();
  }
  return { contactId, conversationId, messageIds: all.map((m) => m.id), mediaIds: all.flatMap((m) => (m.media ?? []).map((x) => x.id)) };
}
