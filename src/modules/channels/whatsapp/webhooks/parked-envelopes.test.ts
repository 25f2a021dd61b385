import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { createSimulator, type RunningSimulator } from '../../../../../simulator';
import { startTestApp, type TestApp } from '../../../../test-support/test-app';
import { startEnvelopeProcessor } from './process-envelopes';

// An envelope whose processing always fails for a reason other than its content (here: the
// database drops the session) is parked after its maximum attempts: kept, no longer retried,
// logged once as an alert with ids only, and counted in /readyz. A failure caused by the content
// of its items does not park it: the items are recorded as failed and the envelope is processed.

let t: TestApp;
let sim: RunningSimulator;
const CUSTOMER = '4917612345999';

before(async () => {
  t = await startTestApp();
  sim = await createSimulator({ port: 0, webhooks: { lingerMs: 1, retryBaseMs: 20, retryMaxMs: 100, retryHorizonMs: 2_000 } });
});
after(async () => {
  await sim.close();
  await t.close();
});

test('an envelope failing every attempt on infrastructure is parked, alerted once with ids only, and counted for operators', async () => {
  const owner = await t.signUp();
  const number = { phoneNumberId: '1065403599001', wabaId: '1022901299001', displayPhoneNumber: '15550789001', accessToken: 'EAAJB-parked-token-abcdefgh', appSecret: 'parked-app-secret-0123456789', webhookUrl: `${t.url}/webhooks/whatsapp` };
  sim.engine.registerNumber(number);
  const connected = await owner.client.post('/api/v1/channels/whatsapp', { ...number, webhookUrl: undefined, verifyToken: 'verify-parked', graphApiBaseUrl: sim.url });
  assert.equal(connected.status, 201, connected.text);
  sim.engine.injectInbound({ phoneNumberId: number.phoneNumberId, from: CUSTOMER, profileName: 'Poison Pete', type: 'text', text: { body: 'poison words' } } as never);
  await sim.engine.idle();
  assert.deepEqual((await t.anonymous.get('/readyz')).body, { status: 'ready', parkedEnvelopes: 0 });

  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'warn', base: undefined }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(JSON.parse(chunk.toString())), done()) }));
  let calls = 0;
  const sink = async () => {
    calls += 1;
    throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  };
  const processor = startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger, sink, maxAttempts: 3, autoStart: false });
  await processor.drain();
  await processor.drain();
  await processor.stop();

  const db = t.container.database.db;
  const [row] = (await sql<{ attempts: number; parked_at: Date | null; processed_at: Date | null; last_error: string }>`select attempts, parked_at, processed_at, last_error from webhook_envelopes`.execute(db)).rows;
  assert.deepEqual([row!.attempts, row!.parked_at !== null, row!.processed_at, row!.last_error], [3, true, null, 'sqlstate_57P01'], 'kept, not processed, parked');
  assert.ok(calls >= 3 && calls <= 6, `tried a bounded number of times (${calls})`);

  const alerts = lines.filter((l) => l.alert === 'inbound_envelope_parked');
  assert.equal(alerts.length, 1, 'one alert');
  assert.equal(alerts[0]!.level, 50, 'logged at error level');
  assert.deepEqual(Object.keys(alerts[0]!).filter((k) => !['level', 'time', 'msg'].includes(k)).sort(), ['alert', 'envelopeId', 'maxAttempts', 'workspaceId']);
  const logged = JSON.stringify(lines);
  for (const secret of [CUSTOMER, 'Poison Pete', 'poison words']) assert.ok(!logged.includes(secret), 'no personal data in the logs');

  assert.deepEqual((await t.anonymous.get('/readyz')).body, { status: 'ready', parkedEnvelopes: 1 });
  await sql`update webhook_envelopes set processed_at = now()`.execute(db);
});

test('items failing on their content are recorded with a reason code; their envelope is processed, never parked', async () => {
  const db = t.container.database.db;
  sim.engine.injectInbound({ phoneNumberId: '1065403599001', from: CUSTOMER, profileName: 'Poison Pete', type: 'text', text: { body: 'bad shape' } } as never);
  await sim.engine.idle();
  const sink = async () => {
    throw new TypeError('cannot read properties of undefined');
  };
  const processor = startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger: t.container.logger, sink, maxAttempts: 3, autoStart: false });
  await processor.drain();
  await processor.stop();
  const pending = await sql<{ attempts: number; parked_at: Date | null }>`select attempts, parked_at from webhook_envelopes where processed_at is null`.execute(db);
  assert.deepEqual(pending.rows, [], 'processed, not kept for retry');
  const failures = await sql<{ item_index: number; kind: string; reason: string }>`select item_index, kind, reason from inbound_item_failures`.execute(db);
  assert.deepEqual(failures.rows, [{ item_index: 0, kind: 'message', reason: 'TypeError' }]);
  assert.deepEqual((await t.anonymous.get('/readyz')).body, { status: 'ready', parkedEnvelopes: 0 });
});
