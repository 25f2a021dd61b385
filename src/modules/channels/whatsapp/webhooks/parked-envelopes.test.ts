import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { sql } from 'kysely';
import { createSimulator, type RunningSimulator } from '../../../../../simulator';
import { startTestApp, type TestApp } from '../../../../test-support/test-app';
import { startEnvelopeProcessor } from './process-envelopes';

// A poison envelope (its processing always fails) is parked after its maximum attempts: kept,
// no longer retried, logged once as an alert with ids only, and counted in /readyz.

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

test('an envelope failing every attempt is parked, alerted once with ids only, and counted for operators', async () => {
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
    throw new TypeError('cannot apply');
  };
  const processor = startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger, sink, maxAttempts: 3, autoStart: false });
  await processor.drain();
  await processor.drain();
  await processor.stop();

  const db = t.container.database.db;
  const [row] = (await sql<{ attempts: number; parked_at: Date | null; processed_at: Date | null; last_error: string }>`select attempts, parked_at, processed_at, last_error from webhook_envelopes`.execute(db)).rows;
  assert.deepEqual([row!.attempts, row!.parked_at !== null, row!.processed_at, row!.last_error], [3, true, null, 'TypeError'], 'kept, not processed, parked');
  assert.ok(calls >= 3 && calls <= 6, `tried a bounded number of times (${calls})`);

  const alerts = lines.filter((l) => l.alert === 'inbound_envelope_parked');
  assert.equal(alerts.length, 1, 'one alert');
  assert.equal(alerts[0]!.level, 50, 'logged at error level');
  assert.deepEqual(Object.keys(alerts[0]!).filter((k) => !['level', 'time', 'msg'].includes(k)).sort(), ['alert', 'envelopeId', 'maxAttempts', 'workspaceId']);
  const logged = JSON.stringify(lines);
  for (const secret of [CUSTOMER, 'Poison Pete', 'poison words']) assert.ok(!logged.includes(secret), 'no personal data in the logs');

  assert.deepEqual((await t.anonymous.get('/readyz')).body, { status: 'ready', parkedEnvelopes: 1 });
});
