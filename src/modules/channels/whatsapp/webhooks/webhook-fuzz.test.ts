/* eslint-disable @typescript-eslint/no-explicit-any */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createSimulator, type RunningSimulator } from '../../../../../simulator';
import { startTestApp, type TestApp } from '../../../../test-support/test-app';
import { startEnvelopeProcessor } from './process-envelopes';

// Property-based fuzzing of Meta's webhook endpoint over real HTTP. Each body is validly signed and
// built from Meta's schema (messages of every type, statuses with pricing and errors, value-level
// errors, user_preferences, account fields, history and smb_* fields) with hostile values (ids
// without digits, huge and negative timestamps, NUL, lone surrogates, wrong types, deep nesting,
// duplicated and missing fields) mixed with valid items. Nothing may answer >= 500, no envelope may
// be parked or left unprocessed, and every valid item must be stored. FUZZ_SEED reproduces a run,
// FUZZ_RUNS sizes it.

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const number = { phoneNumberId: '1065403588001', wabaId: '1022901288001', displayPhoneNumber: '15550788001', accessToken: 'EAAJB-fuzz-token-abcdefgh', appSecret: 'fuzz-app-secret-0123456789', webhookUrl: '' };

let t: TestApp;
let sim: RunningSimulator;
let processor: ReturnType<typeof startEnvelopeProcessor>;

before(async () => {
  t = await startTestApp();
  sim = await createSimulator({ port: 0, webhooks: { lingerMs: 1, retryBaseMs: 20, retryMaxMs: 100, retryHorizonMs: 1_000 } });
  const owner = await t.signUp();
  sim.engine.registerNumber({ ...number, webhookUrl: `${t.url}/webhooks/whatsapp` });
  const connected = await owner.client.post('/api/v1/channels/whatsapp', { ...number, webhookUrl: undefined, verifyToken: 'verify-fuzz', graphApiBaseUrl: sim.url });
  assert.equal(connected.status, 201, connected.text);
  processor = startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger: t.container.logger, sink: t.container.envelopeSink, autoStart: false });
});
after(async () => {
  await processor?.stop();
  await sim?.close();
  await t?.close();
});

// ---- hostile values ---------------------------------------------------------------------------

// Deep nesting is spliced into the JSON text: building it as objects would overflow the test's
// own JSON.stringify (and fast-check's printer) before the product ever saw it.
const nested = (depth: number) => `@@nest:${depth}@@`;
const unnest = (text: string) => text.replace(/"@@nest:(\d+)@@"/g, (_m, d: string) => '{"n":['.repeat(Number(d)) + '"bottom"' + ']}'.repeat(Number(d)));
const hostileString = fc.oneof(
  fc.constantFrom('abc', '+', '', ' ', '{{1}}', 'null', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udbff\u0000', '١٢٣', 'wamid.\u0000', 'toString', '__proto__'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);
const hostileTimestamp = fc.oneof(
  fc.constantFrom('-1', '0', '-99999999999', '99999999999999999999', '1e308', 'NaN', 'Infinity', '1750030073.5', ' ', -5, 1e20, 8.64e15, 2 ** 53, -0),
  fc.integer(),
  fc.double(),
  hostileString,
);
const hostileAny: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileTimestamp,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.integer({ min: 1, max: 20_000 }).map(nested),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);
/** A field: usually a plausible value, often a hostile one, sometimes missing. */
const field = <T>(plausible: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 3, arbitrary: hostileAny }), { freq: 6, nil: undefined });

// ---- Meta's schema (reference §8–§10) ---------------------------------------------------------

const MESSAGE_TYPES = ['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'button', 'reaction', 'order', 'system', 'request_welcome', 'unsupported', 'unknown', 'edit', 'revoke'];
const typeObject = (type: string) =>
  fc.record({
    body: field(fc.string()), caption: field(fc.string()), id: field(fc.string()), mime_type: field(fc.constantFrom('image/jpeg', 'audio/ogg')), sha256: field(fc.string()),
    filename: field(fc.string()), voice: field(fc.boolean()), latitude: field(fc.double()), longitude: field(fc.double()), name: field(fc.string()),
    message_id: field(fc.constantFrom('wamid.fuzz-target', 'wamid.unknown')), emoji: field(fc.constantFrom('👍', '')), type: field(fc.constantFrom('button_reply', 'user_changed_number', 'user_changed_user_id', 'poll')),
    wa_id: field(fc.constantFrom('16315550177')), user_id: field(fc.constantFrom('US.1234567890')), payload: field(fc.string()), text: field(fc.string()),
    original_message_id: field(fc.constantFrom('wamid.fuzz-target')), product_items: field(fc.constant([{ product_retailer_id: 'sku', quantity: 2, item_price: 9.5, currency: 'EUR' }])),
  }, { requiredKeys: [] }).map((o) => (type === 'contacts' ? [o] : o));

const hostileMessage = fc.constantFrom(...MESSAGE_TYPES).chain((type) =>
  fc.record({
    from: field(fc.constantFrom('16315550177', '16315550178')), from_user_id: field(fc.constantFrom('US.1234567890')), id: field(fc.constant('wamid.hostile')),
    timestamp: field(fc.constant('1750030073')), type: fc.oneof({ weight: 4, arbitrary: fc.constant(type) }, hostileAny), [type]: fc.oneof({ weight: 3, arbitrary: typeObject(type) }, hostileAny),
    context: field(fc.record({ from: fc.string(), id: fc.string(), forwarded: hostileAny }, { requiredKeys: [] })), errors: field(fc.array(fc.record({ code: hostileAny, title: hostileString }), { maxLength: 2 })),
  }, { requiredKeys: ['type'] }));

const hostileStatus = fc.record({
  id: field(fc.constant('wamid.hostile-status')), status: field(fc.constantFrom('sent', 'delivered', 'read', 'failed', 'played', 'deleted')), timestamp: hostileTimestamp,
  recipient_id: field(fc.constantFrom('16315550179')), recipient_user_id: field(fc.constantFrom('US.987')), biz_opaque_callback_data: field(fc.string()),
  conversation: field(fc.record({ id: hostileAny, expiration_timestamp: hostileTimestamp, origin: fc.record({ type: hostileAny }) })),
  pricing: field(fc.record({ billable: fc.oneof(fc.boolean(), hostileAny), pricing_model: hostileAny, type: hostileAny, category: hostileAny }, { requiredKeys: [] })),
  errors: field(fc.array(fc.record({ code: fc.oneof(fc.integer(), hostileAny), title: hostileAny, error_data: fc.record({ details: hostileAny }) }), { maxLength: 2 })),
}, { requiredKeys: [] });

const hostilePreference = fc.record({ wa_id: field(fc.constantFrom('16315550180')), user_id: hostileAny, category: field(fc.constant('marketing_messages')), value: field(fc.constantFrom('stop', 'resume')), timestamp: hostileTimestamp }, { requiredKeys: [] });
const hostileError = fc.record({ code: fc.oneof(fc.integer(), hostileAny), title: hostileAny, message: hostileAny, error_data: fc.record({ details: hostileAny }) }, { requiredKeys: [] });
const accountValue = fc.record({
  event: field(fc.constantFrom('APPROVED', 'REJECTED', 'FLAGGED', 'THROUGHPUT_UPGRADE', 'ACCOUNT_VIOLATION')), message_template_id: field(fc.oneof(fc.nat(), fc.string())), message_template_name: hostileAny,
  message_template_language: hostileAny, reason: hostileAny, display_phone_number: field(fc.constant(number.displayPhoneNumber)), current_limit: hostileAny, new_quality_score: hostileAny,
}, { requiredKeys: [] });
const ACCOUNT_FIELDS = ['message_template_status_update', 'message_template_quality_update', 'template_category_update', 'phone_number_quality_update', 'account_update', 'business_capability_update'];
const COEXISTENCE = {
  history: fc.record({ history: fc.array(fc.record({ threads: fc.array(fc.record({ id: hostileAny, messages: fc.array(hostileMessage, { maxLength: 2 }) }), { maxLength: 2 }) }), { maxLength: 2 }) }),
  smb_message_echoes: fc.record({ message_echoes: fc.array(fc.record({ from: hostileAny, to: hostileAny, id: hostileAny, timestamp: hostileTimestamp, type: fc.constant('text'), text: fc.record({ body: hostileString }) }), { maxLength: 3 }) }),
  smb_app_state_sync: fc.record({ state_sync: fc.array(fc.record({ type: fc.constant('contact'), action: fc.constantFrom('add', 'remove'), contact: fc.record({ full_name: hostileString, phone_number: hostileAny }) }), { maxLength: 3 }) }),
};

/** One change: hostile items plus `valid` valid ones (filled in with unique ids when sent). */
const change = fc.oneof(
  fc.record({ kind: fc.constant('messages' as const), hostile: fc.array(hostileMessage, { maxLength: 4 }), valid: fc.nat({ max: 4 }), statuses: fc.array(hostileStatus, { maxLength: 3 }), validStatuses: fc.nat({ max: 2 }), errors: fc.array(hostileError, { maxLength: 2 }), contacts: fc.array(fc.record({ wa_id: hostileAny, user_id: hostileAny, profile: fc.record({ name: hostileAny, username: hostileAny }) }, { requiredKeys: [] }), { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('user_preferences' as const), preferences: fc.array(hostilePreference, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('account' as const), field: fc.constantFrom(...ACCOUNT_FIELDS), value: accountValue }),
  fc.constantFrom(...(Object.keys(COEXISTENCE) as (keyof typeof COEXISTENCE)[])).chain((f) => COEXISTENCE[f].map((value) => ({ kind: 'coexistence' as const, field: f, value }))),
);
const body = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 4 }), duplicateKeys: fc.boolean() });

// ---- the property -----------------------------------------------------------------------------

let serial = 0;
const counts = { bodies: 0, items: 0, validSent: 0, validStored: 0, failedItems: 0, fiveHundreds: 0, statuses: {} as Record<number, number> };

function build(spec: { changes: Record<string, any>[]; duplicateKeys: boolean }) {
  const validWamids: string[] = [];
  const metadata = { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId };
  const now = String(Math.floor(Date.now() / 1000));
  const changes = spec.changes.map((c) => {
    if (c.kind === 'messages') {
      const valid = Array.from({ length: c.valid }, () => {
        const id = `wamid.fuzz.${process.pid}.${(serial += 1)}`;
        validWamids.push(id);
        return { from: `1631555${String(serial % 10_000).padStart(4, '0')}`, id, timestamp: now, type: 'text', text: { body: `valid ${serial} \u0000 \ud800 kept as sent` } };
      });
      const statuses = Array.from({ length: c.validStatuses }, () => {
        const id = `wamid.fuzz-status.${process.pid}.${(serial += 1)}`;
        validWamids.push(id);
        return { id, status: 'sent', timestamp: now, recipient_id: '16315550181', pricing: { billable: 'true', pricing_model: 'PMP', type: 'regular', category: 'marketing' } };
      });
      counts.items += c.hostile.length + valid.length + c.statuses.length + statuses.length + c.errors.length;
      const messages = [...c.hostile.slice(0, 2), ...valid, ...c.hostile.slice(2)];
      return { field: 'messages', value: { messaging_product: 'whatsapp', metadata, contacts: c.contacts, messages, statuses: [...c.statuses, ...statuses], errors: c.errors } };
    }
    if (c.kind === 'user_preferences') {
      counts.items += c.preferences.length;
      return { field: 'user_preferences', value: { messaging_product: 'whatsapp', metadata, user_preferences: c.preferences } };
    }
    counts.items += 1;
    if (c.kind === 'account') return { field: c.field, value: c.value };
    return { field: c.field, value: { messaging_product: 'whatsapp', metadata, ...c.value } };
  });
  let text = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: number.wabaId, time: Number(now), changes }] });
  // Duplicated keys: JSON.parse keeps the last one, as Meta's consumers do.
  if (spec.duplicateKeys) text = text.replaceAll('{"from":', '{"type":"image","id":{"x":1},"from":').replaceAll('"status":', '"status":"read","status":');
  return { raw: Buffer.from(unnest(text)), validWamids };
}

const sign = (raw: Buffer) => `sha256=${createHmac('sha256', number.appSecret).update(raw).digest('hex')}`;

test('signed hostile webhooks never answer >= 500, never park an envelope, and every valid item is stored', { timeout: 120_000 }, async () => {
  const db = t.container.database.db;
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(body, async (spec) => {
      const { raw, validWamids } = build(spec);
      counts.bodies += 1;
      counts.validSent += validWamids.length;
      const response = await fetch(`${t.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) }, body: raw });
      counts.statuses[response.status] = (counts.statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) counts.fiveHundreds += 1;
      assert.ok(response.status < 500, `answered ${response.status}: ${await response.text()}`);
      await processor.drain();
      if (!validWamids.length) return;
      const { rows } = await sql<{ wamid: string }>`select wamid from messages where wamid = any(${validWamids}::text[])`.execute(db);
      counts.validStored += rows.length;
      assert.deepEqual(rows.map((r) => r.wamid).sort(), [...validWamids].sort(), 'every valid item of the mixed batch stored');
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
  const envelopes = (await sql<{ pending: string; parked: string }>`select count(*) filter (where processed_at is null) as pending, count(*) filter (where parked_at is not null) as parked from webhook_envelopes`.execute(db)).rows[0]!;
  counts.failedItems = Number((await sql<{ n: string }>`select count(*) as n from inbound_item_failures`.execute(db)).rows[0]!.n);
  const reasons = (await sql<{ reason: string; n: string }>`select reason, count(*) as n from inbound_item_failures group by reason order by reason`.execute(db)).rows;
  console.log(`webhook fuzz (seed ${SEED}, ${RUNS} runs, ${Date.now() - started} ms): bodies=${counts.bodies} items=${counts.items} valid=${counts.validSent} stored=${counts.validStored} failed-items=${counts.failedItems} 5xx=${counts.fiveHundreds} answers=${JSON.stringify(counts.statuses)} envelopes-pending=${envelopes.pending} parked=${envelopes.parked}`);
  console.log(`webhook fuzz failed-item reasons: ${reasons.map((r) => `${r.reason}=${r.n}`).join(' ')}`);
  assert.equal(counts.fiveHundreds, 0);
  assert.equal(Number(envelopes.parked), 0, 'no envelope parked');
  assert.equal(Number(envelopes.pending), 0, 'every envelope processed');
  assert.equal(counts.validStored, counts.validSent);
  // A campaign page reads pricing with SQL casts: stored pricing holds typed values only.
  const badPricing = await sql<{ n: string }>`select count(*) as n from messages where pricing is not null and jsonb_typeof(pricing->'billable') not in ('boolean')`.execute(db);
  assert.equal(Number(badPricing.rows[0]!.n), 0, 'pricing.billable stored as a boolean or not at all');
});
