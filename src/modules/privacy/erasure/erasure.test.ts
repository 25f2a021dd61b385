import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { withTenant } from '../../../platform/db';
import { useInboundFixture } from '../../messages/testing';
import { parsePublicKey, verifyCertificate } from '../index';
import { seedPerson, subscribeWebhooks, type SeededPerson } from '../testing/seed-person';

// Erasure as the "must show" asks: afterwards a raw scan of every table (every column as
// text, bytea as hex) and of the media folder finds none of the person's plaintext, blind tokens or
// key ids; every raw envelope left, decrypted, names them nowhere (including a number they changed
// from, known only by its token); the other person is untouched; message counts survive; the
// certificate verifies and fails once changed; a new message from the number starts a new contact.

const OLD_PHONE = '4917655502468';
const NEW_PHONE = '4917655513579';
const NAME = 'Wystan Quarrelbrook';
const WORD = 'marzipanfjord';
let erased: SeededPerson;
let kept: SeededPerson;
let workspaceId: string;

const fx = useInboundFixture(async (f) => {
  await subscribeWebhooks(f);
  erased = await seedPerson(f, { phone: OLD_PHONE, name: NAME, word: WORD });
  kept = await seedPerson(f, { phone: '4917655597531', name: 'Kept Person', word: 'keptword' });
  workspaceId = (await f.t.container.database.db.selectFrom('contacts').select('workspace_id').executeTakeFirstOrThrow()).workspace_id;
  // The erased person changes number: envelopes from before hold only the old one, whose plaintext is then gone.
  const now = String(Math.floor(Date.now() / 1000));
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: f.h.number.wabaId, changes: [{ field: 'messages', value: {
    messaging_product: 'whatsapp', metadata: { display_phone_number: f.h.number.displayPhoneNumber, phone_number_id: f.h.number.phoneNumberId },
    messages: [{ from: OLD_PHONE, id: `wamid.change-${now}`, timestamp: now, type: 'system', system: { body: 'User changed number', wa_id: NEW_PHONE, type: 'user_changed_number' } }],
  } }] }] }));
  assert.equal((await f.h.deliver({ raw, signature: f.h.sign(raw) })).status, 200);
  await f.h.process();
  f.h.sim.engine.injectInbound({ phoneNumberId: f.h.number.phoneNumberId, from: NEW_PHONE, profileName: NAME, type: 'text', text: { body: `new number ${WORD}` } } as never);
  for (const c of await f.h.take()) assert.equal((await f.h.deliver(c)).status, 200);
  await f.h.process();
});

const db = () => fx.t.container.database.db;
const column = async (query: ReturnType<typeof sql<{ v: string }>>) => (await query.execute(db())).rows.map((r) => r.v);

/** Every blind token and key id that belongs to a contact (a token both people share, such as a common word's, is no one's). */
async function traces(contactId: string) {
  return new Set([
    ...(await column(sql`select token as v from contact_identities where contact_id = ${contactId}`)),
    ...(await column(sql`select unnest(search_tokens) as v from contacts where id = ${contactId}`)),
    ...(await column(sql`select unnest(words) as v from messages where contact_id = ${contactId}`)),
    ...(await column(sql`select replace(id, '-', '') as v from crypto_data_keys where owner_type = 'contact' and owner_id = ${contactId}`)),
  ]);
}

async function dumpTables(): Promise<Map<string, string>> {
  const { rows: tables } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db());
  const dump = new Map<string, string>();
  for (const { table_name } of tables) dump.set(table_name, (await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table_name)} t`.execute(db())).rows.map((r) => r.j).join('\n').toLowerCase());
  return dump;
}

test('an agent or analyst may not erase; another workspace gets 404 and changes nothing', async () => {
  for (const role of ['agent', 'analyst'] as const) {
    const key = await fx.t.apiKey(fx.api, role);
    assert.equal((await key.client.delete(`/api/v1/contacts/${erased.contactId}`)).status, 403, role);
  }
  const other = await fx.t.signUp();
  assert.equal((await other.client.delete(`/api/v1/contacts/${erased.contactId}`)).status, 404);
  assert.equal((await fx.api.get(`/api/v1/contacts/${erased.contactId}`)).status, 200);
});

test('erasure leaves none of the person in any table, envelope or file; the other person and the figures survive', async () => {
  const keptTraces = await traces(kept.contactId);
  const personal = [...(await traces(erased.contactId))].filter((t) => !keptTraces.has(t));
  const keyIds = await column(sql`select id as v from crypto_data_keys where owner_type = 'contact' and owner_id = ${erased.contactId}`);
  const { keyring } = fx.t.container;
  const ingressTokens = [OLD_PHONE, NEW_PHONE].map((p) => keyring.ingressToken('wa_id', p));
  const secrets = [OLD_PHONE, NEW_PHONE, NAME, 'Wystan', 'Quarrelbrook', WORD, ...personal, ...ingressTokens].map((s) => s.toLowerCase());
  assert.ok(personal.length > 5 && keyIds.length >= 1, 'the person has tokens and keys to erase');
  const messages = await column(sql`select id as v from messages where contact_id = ${erased.contactId}`);
  const keptBefore = (await fx.api.get(`/api/v1/messages?contactId=${kept.contactId}`)).body as { data: unknown[] };

  const response = await fx.api.delete(`/api/v1/contacts/${erased.contactId}`);
  assert.equal(response.status, 200, response.text);
  const signed = response.body as { certificate: { id: string; subject: { id: string }; keysDestroyed: string[]; erased: Record<string, number>; retained: Record<string, number> } };
  assert.equal(signed.certificate.subject.id, erased.contactId);
  assert.deepEqual(signed.certificate.keysDestroyed, [...keyIds].sort());
  assert.equal(signed.certificate.erased.messages, messages.length);
  for (const kind of ['contacts', 'identities', 'consentEntries', 'conversations', 'notes', 'reactions', 'media', 'mediaFiles', 'queuedSends', 'campaignReceipts', 'automatedReplies', 'webhookDeliveries', 'events', 'webhookEnvelopes', 'queuedJobs']) {
    assert.ok(signed.certificate.erased[kind]! >= 1, `the certificate counts ${kind}: ${JSON.stringify(signed.certificate.erased)}`);
  }

  for (const [table, text] of await dumpTables()) for (const secret of secrets) assert.ok(!text.includes(secret), `${table} still holds "${secret}"`);
  const { rows: envelopes } = await sql<{ body: Buffer }>`select body from webhook_envelopes where workspace_id = ${workspaceId}`.execute(db());
  assert.ok(envelopes.length > 0, 'the other person\'s envelopes stay');
  for (const { body } of envelopes) {
    const plaintext = keyring.decryptIngress(body, `webhook-envelope:${workspaceId}`).toString();
    for (const secret of [OLD_PHONE, NEW_PHONE, NAME, WORD]) assert.ok(!plaintext.includes(secret), `an envelope still names "${secret}"`);
  }
  const mediaDir = join(fx.t.container.config.dataDir, 'media', workspaceId);
  for (const id of erased.mediaIds) assert.ok(!existsSync(join(mediaDir, id)), `the file of medium ${id} is deleted`);
  const queued = await column(sql`select payload::text as v from jobs where workspace_id = ${workspaceId} and status = 'queued'`);
  for (const id of [erased.contactId, ...messages, ...erased.mediaIds]) assert.ok(!queued.some((p) => p.includes(id)), `no queued job names ${id}`);

  // Figures survive without ids: as many messages per day as were erased.
  const counted = await column(sql`select coalesce(sum(messages), 0)::text as v from erased_message_counts where workspace_id = ${workspaceId}`);
  assert.equal(Number(counted[0]), messages.length);

  // The other person is untouched: profile, messages, notes, media.
  const other = (await fx.api.get(`/api/v1/contacts/${kept.contactId}`)).body as { name: string; attributes: Record<string, string> };
  assert.deepEqual([other.name, other.attributes], ['Kept Person', { favourite: 'keptword' }]);
  assert.equal(((await fx.api.get(`/api/v1/messages?contactId=${kept.contactId}`)).body as { data: unknown[] }).data.length, keptBefore.data.length);
  assert.equal(((await fx.api.get(`/api/v1/conversations/${kept.conversationId}/notes`)).body as { data: unknown[] }).data.length, 1);
  for (const id of kept.mediaIds) assert.equal((await fx.api.get(`/api/v1/media/${id}`)).status, 200);

  // The person is gone from the API, and the erasure is audited once.
  assert.equal((await fx.api.get(`/api/v1/contacts/${erased.contactId}`)).status, 404);
  assert.equal((await fx.api.delete(`/api/v1/contacts/${erased.contactId}`)).status, 404);
  const audit = (await fx.api.get('/api/v1/audit-events?limit=5')).body as { data: { action: string; details: { certificateId?: string } }[] };
  assert.deepEqual(audit.data.filter((e) => e.action === 'contact.erased').map((e) => e.details.certificateId), [signed.certificate.id]);
  assert.deepEqual((await fx.api.get(`/api/v1/privacy/erasure-certificates/${signed.certificate.id}`)).body, signed);

  // The certificate verifies against the published key, and not once a byte of it changes.
  const key = (await fx.t.anonymous.get('/api/v1/privacy/certificate-key')).body as { publicKeyPem: string; keyId: string };
  const verdict = verifyCertificate(signed, parsePublicKey(key.publicKeyPem));
  assert.ok(verdict.valid && verdict.keyId === key.keyId);
  const text = JSON.stringify(signed);
  const at = text.indexOf(erased.contactId) + 3;
  const tampered = JSON.parse(text.slice(0, at) + (text[at] === 'a' ? 'b' : 'a') + text.slice(at + 1)) as unknown;
  assert.equal(verifyCertificate(tampered, parsePublicKey(key.publicKeyPem)).valid, false);
});

test('a new message from the erased number starts a new contact with a new key', async () => {
  const wamid = fx.h.sim.engine.injectInbound({ phoneNumberId: fx.h.number.phoneNumberId, from: NEW_PHONE, profileName: NAME, type: 'text', text: { body: 'hello again' } } as never).wamid;
  for (const c of await fx.h.take()) assert.equal((await fx.h.deliver(c)).status, 200);
  await fx.h.process();
  const [message] = ((await fx.api.get(`/api/v1/messages?wamid=${encodeURIComponent(wamid)}`)).body as { data: { contactId: string }[] }).data;
  assert.ok(message && message.contactId !== erased.contactId, 'a new contact');
  const keys = await withTenant(db(), workspaceId, (tx) => tx.selectFrom('crypto_data_keys').select('owner_id').where('owner_type', '=', 'contact').where('owner_id', '=', message.contactId).execute());
  assert.equal(keys.length, 1, 'with a key of its own');
  assert.equal(((await fx.api.get(`/api/v1/messages?contactId=${message.contactId}`)).body as { data: unknown[] }).data.length, 1, 'and none of the erased history');
});
