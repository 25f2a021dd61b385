import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { createSimulator, type RunningSimulator } from '../../simulator';
import { loadConfig } from '../platform/config';
import { createTestDatabase } from '../platform/db/test-database';
import { redactedPaths } from '../platform/logging';
import { startEnvelopeProcessor } from '../modules/channels';
import { freePort } from '../test-support/free-port';
import { HttpClient } from '../test-support/http-client';
import { buildApi } from './api';
import { buildContainer, type Container } from './container';

// A raw scan: after traffic through every webhook field Meta sends (messages of every type,
// statuses, value-level errors, user_preferences, template and number updates, account_update,
// history, smb_message_echoes, smb_app_state_sync, a BSUID change), every column of every table,
// dumped as text (bytea as hex, jsonb as JSON), and every log line hold none of the customer's
// recognizable values in plaintext: phone digits, name, username, BSUID, message words.

const PHONE = `4917${randomInt(10_000_000, 99_999_999)}`;
const NEW_PHONE = `4915${randomInt(10_000_000, 99_999_999)}`;
const NAME = 'Quillon Vesperdrake';
const USERNAME = 'quillon.vesper';
const BSUID = `DE.${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`;
const NEW_BSUID = `DE.${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`;
const BODY = 'plinthwhistle marrowgale';
const SECRETS = [PHONE, NEW_PHONE, NAME, 'Quillon', 'Vesperdrake', USERNAME, BSUID.slice(3), NEW_BSUID.slice(3), 'plinthwhistle', 'marrowgale'];

const number = { phoneNumberId: '1065403577001', wabaId: '1022901277001', displayPhoneNumber: '15550787001', accessToken: 'EAAJB-scan-token-abcdefgh', appSecret: 'scan-app-secret-0123456789' };
const logLines: string[] = [];
let container: Container;
let url: string;
let close: () => Promise<void>;
let sim: RunningSimulator;

before(async () => {
  const database = await createTestDatabase();
  const port = await freePort();
  // The simulator listens on loopback, a private address the outbound guard refuses unless allowed.
  const config = loadConfig({ MASTER_KEY: randomBytes(32).toString('base64'), DATA_DIR: database.dataDir ?? 'tmp/unused', LOG_LEVEL: 'trace', WHATSAPP_MODE: 'cloud', PORT: String(port), OUTBOUND_ALLOW_PRIVATE_URLS: 'true' });
  // The product's redaction, at the most verbose level, into memory.
  const logger = pino({ level: 'trace', name: 'whatgrow', redact: { paths: redactedPaths, censor: '[redacted]' }, base: undefined }, new Writable({ write: (chunk: Buffer, _e, done) => (logLines.push(chunk.toString()), done()) }));
  container = await buildContainer(config, logger, { database });
  const app = await buildApi(container);
  await app.listen({ port, host: '127.0.0.1' });
  url = `http://127.0.0.1:${port}`;
  sim = await createSimulator({ port: 0 });
  close = async () => {
    await sim.close();
    await app.close();
    await container.close();
  };
});
after(async () => close?.());

const time = () => String(Math.floor(Date.now() / 1000));
let serial = 0;
const wamid = () => `wamid.scan.${(serial += 1)}`;
const metadata = () => ({ display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId });

async function deliver(changes: { field: string; value: Record<string, unknown> }[]) {
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: number.wabaId, time: Number(time()), changes }] }));
  const signature = `sha256=${createHmac('sha256', number.appSecret).update(raw).digest('hex')}`;
  const response = await fetch(`${url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
  assert.equal(response.status, 200, await response.text());
}

test('no personal value of any webhook field is stored or logged in plaintext', async () => {
  const owner = new HttpClient(url);
  assert.equal((await owner.post('/api/v1/auth/signup', { email: 'scan@example.com', password: 'correct horse battery', name: 'Shop Owner', workspaceName: 'Scan shop', ageConfirmed: true })).status, 201);
  await owner.loadCsrf();
  sim.engine.registerNumber({ ...number, webhookUrl: `${url}/webhooks/whatsapp` });
  const connected = await owner.post('/api/v1/channels/whatsapp', { ...number, verifyToken: 'verify-scan', graphApiBaseUrl: sim.url });
  assert.equal(connected.status, 201, connected.text);

  const from = { from: PHONE, from_user_id: BSUID, timestamp: time() };
  const first = wamid();
  const messages = [
    { ...from, id: first, type: 'text', text: { body: BODY } },
    { ...from, id: wamid(), type: 'image', image: { id: '1013859600285441', mime_type: 'image/jpeg', sha256: 'abc', caption: BODY } },
    { ...from, id: wamid(), type: 'document', document: { id: '1013859600285442', mime_type: 'application/pdf', filename: `${NAME}.pdf`, caption: BODY } },
    { ...from, id: wamid(), type: 'location', location: { latitude: 52.5, longitude: 13.4, name: BODY, address: NAME } },
    { ...from, id: wamid(), type: 'contacts', contacts: [{ name: { formatted_name: NAME, first_name: 'Quillon' }, phones: [{ phone: `+${PHONE}`, wa_id: PHONE, type: 'CELL' }] }] },
    { ...from, id: wamid(), type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'r1', title: BODY, description: NAME } } },
    { ...from, id: wamid(), type: 'button', button: { payload: 'P', text: BODY }, context: { from: number.displayPhoneNumber, id: 'wamid.business' } },
    { ...from, id: wamid(), type: 'order', order: { catalog_id: 'c1', text: BODY, product_items: [{ product_retailer_id: 'sku', quantity: 1, item_price: 2, currency: 'EUR' }] } },
    { ...from, id: wamid(), type: 'reaction', reaction: { message_id: first, emoji: '👍' } },
    { ...from, id: wamid(), type: 'reaction', reaction: { message_id: 'wamid.sent-from-another-app', emoji: '🔥' } },
    { ...from, id: wamid(), type: 'edit', edit: { original_message_id: first, message: { type: 'text', text: { body: `${BODY} edited` } } } },
    { ...from, id: wamid(), type: 'unsupported', unsupported: { type: 'poll' }, errors: [{ code: 131051, title: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }] },
    { ...from, id: wamid(), type: 'request_welcome' },
  ];
  await deliver([{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: metadata(), contacts: [{ profile: { name: NAME, username: USERNAME }, wa_id: PHONE, user_id: BSUID }], messages } }]);
  await deliver([{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: metadata(), messages: [
    { from: PHONE, id: wamid(), timestamp: time(), type: 'system', system: { body: `User changed from ${PHONE} to ${NEW_PHONE}`, wa_id: NEW_PHONE, type: 'user_changed_number' } },
    { from_user_id: BSUID, id: wamid(), timestamp: time(), type: 'system', system: { body: `${NAME} changed their id`, user_id: NEW_BSUID, type: 'user_changed_user_id' } },
  ] } }]);
  const sent = 'wamid.outbound.scan';
  await deliver([{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: metadata(), statuses: ['sent', 'delivered', 'read', 'failed'].map((status) => ({
    id: sent, status, timestamp: time(), recipient_id: PHONE, recipient_user_id: BSUID, biz_opaque_callback_data: 'order:1',
    conversation: { id: 'c0ffee', expiration_timestamp: time(), origin: { type: 'marketing' } }, pricing: { billable: 'true', pricing_model: 'PMP', type: 'regular', category: 'marketing' },
    ...(status === 'failed' ? { errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'Message undeliverable' } }] } : {}),
  })) } }]);
  await deliver([
    { field: 'messages', value: { messaging_product: 'whatsapp', metadata: metadata(), errors: [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Too many messages' } }] } },
    { field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata: metadata(), contacts: [{ profile: { name: NAME }, wa_id: PHONE }], user_preferences: [{ wa_id: PHONE, detail: 'User requested to stop marketing messages', category: 'marketing_messages', value: 'stop', timestamp: Number(time()) }] } },
    { field: 'history', value: { messaging_product: 'whatsapp', metadata: metadata(), history: [{ metadata: { phase: 0, chunk_order: 1, progress: 100 }, threads: [{ id: PHONE, messages: [{ from: PHONE, id: wamid(), timestamp: time(), type: 'text', text: { body: BODY }, history_context: { status: 'READ' } }] }] }] } },
    { field: 'smb_message_echoes', value: { messaging_product: 'whatsapp', metadata: metadata(), message_echoes: [{ from: number.displayPhoneNumber, to: PHONE, id: wamid(), timestamp: time(), type: 'text', text: { body: `Hi ${NAME}, ${BODY}` } }] } },
    { field: 'smb_app_state_sync', value: { messaging_product: 'whatsapp', metadata: metadata(), state_sync: [{ type: 'contact', contact: { full_name: NAME, first_name: 'Quillon', phone_number: PHONE }, action: 'add', metadata: { timestamp: time() } }] } },
  ]);
  await deliver([
    { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 594425479261596, message_template_name: 'order_update', message_template_language: 'en_US', reason: 'NONE' } },
    { field: 'message_template_quality_update', value: { previous_quality_score: 'GREEN', new_quality_score: 'YELLOW', message_template_id: 594425479261596, message_template_name: 'order_update', message_template_language: 'en_US' } },
    { field: 'phone_number_quality_update', value: { display_phone_number: number.displayPhoneNumber, event: 'THROUGHPUT_UPGRADE', max_daily_conversations_per_business: 'TIER_UNLIMITED' } },
    { field: 'account_update', value: { event: 'ACCOUNT_VIOLATION', violation_info: { violation_type: 'SCAM' } } },
    { field: 'business_capability_update', value: { max_daily_conversations_per_business: 'TIER_10K' } },
  ]);
  const processor = startEnvelopeProcessor({ channels: container.channels, clock: container.clock, logger: container.logger, sink: container.envelopeSink, autoStart: false });
  await processor.drain();
  await processor.stop();

  // The traffic was applied (a scan of an empty database proves nothing), and reads as sent through the API.
  const db = container.database.db;
  const { rows: counted } = await sql<{ messages: string; events: string; failures: string; pending: string }>`select
    (select count(*) from messages) as messages, (select count(*) from channel_events) as events,
    (select count(*) from inbound_item_failures) as failures, (select count(*) from webhook_envelopes where processed_at is null) as pending`.execute(db);
  // 14 messages: 13 inbound (a reaction to a stored message and an edit are no rows of their own) and the status's unknown send;
  // 7 channel events: the value-level error, history, echoes, state sync, number quality, account and capability updates.
  assert.deepEqual(Object.values(counted[0]!).map(Number), [14, 7, 0, 0]);
  const contacts = (await owner.get('/api/v1/contacts')).body as { data: { name: string; phone: string; username: string; bsuid: string }[] };
  assert.deepEqual(contacts.data.map((c) => [c.name, c.phone, c.username, c.bsuid]), [[NAME, `+${NEW_PHONE}`, USERNAME, NEW_BSUID]]);

  const { rows: tables } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db);
  assert.ok(tables.length > 20, 'every table of the schema');
  let dumped = 0;
  for (const { table_name } of tables) {
    const { rows } = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(table_name)} t`.execute(db);
    const text = rows.map((r) => r.j).join('\n');
    dumped += text.length;
    for (const secret of SECRETS) assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `${table_name} holds "${secret}" in plaintext`);
  }
  const log = logLines.join('');
  for (const secret of SECRETS) assert.ok(!log.toLowerCase().includes(secret.toLowerCase()), `the log holds "${secret}" in plaintext`);
  console.log(`plaintext scan: ${tables.length} tables, ${dumped} characters of rows, ${logLines.length} log lines, ${SECRETS.length} personal values, none found`);
});
