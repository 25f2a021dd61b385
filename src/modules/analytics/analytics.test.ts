import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { HttpClient } from '../../test-support/http-client';
import { rebuildWorkspaces } from './rebuild-all';
import { startTrafficFixture } from './testing/traffic-fixture';

// Simulator-driven traffic across a local midnight in Asia/Kolkata (UTC+5:30): every figure
// asserted exactly, then the same figures after `analytics rebuild`, and who may read them.

const HOUR = 3_600_000;
const MIN = 60_000;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const T0 = new Date(`${tomorrow}T17:30:00Z`); // 23:00 in Kolkata: day D, outside business hours.
const D = tomorrow;
const D1 = new Date(Date.parse(`${tomorrow}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const A = '14155550201';
const B = '14155550202';
const C = '447700900123';

let f: Awaited<ReturnType<typeof startTrafficFixture>>;
let analyst: HttpClient;
let workspaceId: string;
const at = (ms: number) => f.at(new Date(T0.getTime() + ms));
const report = async (name: string, query = '') => f.ok(analyst.get(`/api/v1/analytics/${name}?from=${D}&to=${D1}${query}`));

before(async () => {
  f = await startTrafficFixture(new Date(T0.getTime() - HOUR));
  workspaceId = f.owner.workspaceId;
  analyst = (await f.t.apiKey(f.api, 'analyst')).client;
  const open = [{ open: '09:00', close: '18:00' }];
  await f.ok(f.api.patch('/api/v1/settings', { businessHours: { timezone: 'Asia/Kolkata', days: { mon: open, tue: open, wed: open, thu: open, fri: open, sat: open, sun: open } } }));
  await f.h.graph.createTemplate({ name: 'promo', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Our spring sale is on.' }] } as never);
  await new Promise((r) => setTimeout(r, 50));
  await f.ok(f.api.post('/api/v1/templates/sync', {}));
  await f.ok(f.api.post('/api/v1/labels', { name: 'vip' }), 201);
  const [a, b, c] = [await f.contact(`+${A}`), await f.contact(`+${B}`), await f.contact(`+${C}`)];
  const promo = (contactId: string) => ({ contactId, type: 'template', template: { name: 'promo', language: { code: 'en_US' } } });

  at(0); // D 23:00
  await f.customerWrites(A, 'hi');
  at(5 * MIN); // first response to A: 5 minutes
  await f.send({ contactId: a, type: 'text', text: { body: 'Hello A' } });
  at(10 * MIN);
  await f.customerWrites(B, 'hello');
  at(90 * MIN); // D+1 00:30
  for (const id of [a, b, c]) await f.consent(id, true);
  at(2 * HOUR); // first response to B: 1 h 50 min
  await f.send({ contactId: b, type: 'text', text: { body: 'Hello B' } });
  await f.send(promo(c)); // billed: marketing, +44
  f.h.sim.engine.armFault(f.h.number.phoneNumberId, 131026, 1, 'async');
  await f.send(promo(a)); // fails with 131026
  at(3 * HOUR);
  await f.customerWrites(C, 'thanks'); // answers the template
  at(4 * HOUR); // A resolved after 4 h
  await f.ok(f.api.patch(`/api/v1/conversations/${await f.conversationOf(a)}`, { status: 'resolved' }));
  at(5 * HOUR);
  await f.customerWrites(A, 'one more thing'); // reopens A
  at(6 * HOUR);
  await f.consent(b, false);
  f.h.sim.engine.patchNumber(f.h.number.phoneNumberId, { statusWebhooks: false });
  await f.send(promo(a)); // no pricing yet: estimated
  at(11 * HOUR); // D+1 10:00: B resolved after 10 h 50 min, assigned and labelled
  const conversationB = await f.conversationOf(b);
  await f.ok(f.api.patch(`/api/v1/conversations/${conversationB}`, { assigneeId: f.owner.userId, labels: ['vip'] }));
  await f.ok(f.api.patch(`/api/v1/conversations/${conversationB}`, { status: 'resolved' }));
  await f.rollUp();
});
after(async () => {
  await f?.close();
});

test('the overview counts each day in the workspace time zone, exactly', async () => {
  const overview = await report('overview');
  const [d, d1] = overview.rows as Record<string, number | string | null>[];
  assert.deepEqual(overview.range, { from: D, to: D1, granularity: 'day', channelId: null });
  assert.deepEqual(
    { period: d!.period, opened: d!.conversationsOpened, reopened: d!.conversationsReopened, resolved: d!.conversationsResolved, in: d!.messagesIn, out: d!.messagesOut, sent: d!.sent, delivered: d!.delivered, failed: d!.failed, frt: d!.firstResponseMedianSeconds, optIns: d!.optIns },
    { period: D, opened: 2, reopened: 0, resolved: 0, in: 2, out: 1, sent: 1, delivered: 1, failed: 0, frt: 300, optIns: 0 },
  );
  assert.deepEqual(
    { period: d1!.period, opened: d1!.conversationsOpened, reopened: d1!.conversationsReopened, resolved: d1!.conversationsResolved, in: d1!.messagesIn, out: d1!.messagesOut, sent: d1!.sent, delivered: d1!.delivered, read: d1!.read, failed: d1!.failed, replies: d1!.replies, optIns: d1!.optIns, optOuts: d1!.optOuts },
    { period: D1, opened: 1, reopened: 1, resolved: 2, in: 2, out: 4, sent: 2, delivered: 2, read: 0, failed: 1, replies: 1, optIns: 3, optOuts: 1 },
  );
  const totals = overview.totals as Record<string, number | null>;
  // First responses: 300 s (A), 6,600 s (B, in the 2-hour bucket), 3,600 s (A reopened, answered by
  // the template); every customer wrote outside business hours.
  assert.deepEqual([totals.firstResponseCount, totals.firstResponseMedianSeconds, totals.firstResponseP90Seconds, totals.firstResponseMeanSeconds], [3, 3600, 7200, 3500]);
  assert.deepEqual([totals.firstResponseInHoursCount, totals.firstResponseOutsideHoursCount], [0, 3]);
  // Resolutions: 14,400 s (A) and 39,000 s (B, in the 12-hour bucket).
  assert.deepEqual([totals.resolutionCount, totals.resolutionMedianSeconds, totals.resolutionP90Seconds, totals.resolutionMeanSeconds], [2, 14400, 43200, 26700]);
  assert.deepEqual([totals.billed, totals.cost, totals.pending, totals.estimate], [1, 0.0529, 1, 0.025]);
  assert.deepEqual(overview.breakdowns, { messagesInByType: { text: 4 }, messagesOutByType: { text: 2, template: 3 }, failedByCode: { '131026': 1 } });
});

test('conversations, agents, templates and costs reports break the same traffic down', async () => {
  const conversations = await report('conversations');
  assert.deepEqual(conversations.byLabel, [{ label: 'vip', resolved: 1, resolutionMedianSeconds: 43200, resolutionP90Seconds: 43200, resolutionMeanSeconds: 39000 }]);
  const agents = (await report('agents')).rows as Record<string, unknown>[];
  assert.deepEqual(agents, [{
    agentId: f.owner.userId, name: 'Olivia Owner', messagesOut: 5, firstResponses: 3, firstResponseMedianSeconds: 3600, firstResponseP90Seconds: 7200, firstResponseMeanSeconds: 3500,
    resolved: 1, resolutionMedianSeconds: 43200, resolutionP90Seconds: 43200, resolutionMeanSeconds: 39000,
  }]);
  const templates = (await report('templates')).rows as Record<string, unknown>[];
  assert.deepEqual(templates, [{
    template: 'promo', language: 'en_US', messagesOut: 3, sent: 1, delivered: 1, read: 0, failed: 1, replies: 1, deliveryRate: 1, readRate: 0,
    billed: 1, cost: 0.0529, pending: 1, estimate: 0.025, failedByCode: '131026:1',
  }]);
  const costs = await report('costs');
  assert.deepEqual(costs.rows, [
    { category: 'marketing', country: '1', billed: 0, cost: 0, pending: 1, estimate: 0.025 },
    { category: 'marketing', country: '44', billed: 1, cost: 0.0529, pending: 0, estimate: 0 },
  ]);
  assert.deepEqual(costs.totals, { billed: 1, cost: 0.0529, pending: 1, estimate: 0.025 });
  assert.deepEqual((await report('campaigns')).rows, []);
});

test('weeks and months sum the days; a channel filter leaves out figures without a channel', async () => {
  const monthly = await report('overview', '&granularity=month');
  const messagesIn = (monthly.rows as { messagesIn: number }[]).reduce((a, r) => a + r.messagesIn, 0);
  assert.equal(messagesIn, 4);
  const channel = await report('overview', `&channelId=${f.h.channelId}`);
  const totals = channel.totals as Record<string, number>;
  assert.deepEqual([totals.messagesIn, totals.messagesOut, totals.optIns, totals.optOuts], [4, 5, 0, 0]);
});

test('a rebuild from the source tables gives the very same rollups and reports', async () => {
  const rollups = async () => (await sql`select dimension, day::text, channel_id, key, metric, value::text from analytics_rollups where workspace_id = ${workspaceId} and value <> 0 order by 1, 2, 3, 4, 5`.execute(f.t.database.db)).rows;
  const names = ['overview', 'conversations', 'agents', 'templates', 'campaigns', 'costs'];
  const before = { rows: await rollups(), reports: await Promise.all(names.map((n) => report(n))) };
  assert.ok(before.rows.length > 20);
  assert.equal(await rebuildWorkspaces(f.t.container.analytics, workspaceId, () => undefined), 1);
  assert.deepEqual(await rollups(), before.rows);
  assert.deepEqual(await Promise.all(names.map((n) => report(n))), before.reports);
});

test('CSV on request; analysts read, agents may not, another workspace sees nothing of this one', async () => {
  const csv = await analyst.get(`/api/v1/analytics/costs?from=${D}&to=${D1}`, { accept: 'text/csv' });
  assert.equal(csv.status, 200);
  assert.match(String(csv.headers.get('content-type')), /^text\/csv/);
  assert.equal(csv.text, 'category,country,billed,cost,pending,estimate\r\nmarketing,1,0,0,1,0.025\r\nmarketing,44,1,0.0529,0,0\r\n');
  const agent = (await f.t.apiKey(f.api, 'agent')).client;
  assert.equal((await agent.get('/api/v1/analytics/overview')).status, 403);
  assert.equal((await f.t.anonymous.get('/api/v1/analytics/overview')).status, 401);
  const other = await f.t.signUp();
  assert.equal((await other.client.get(`/api/v1/analytics/overview?channelId=${f.h.channelId}`)).status, 404);
  const theirs = await f.ok(other.client.get(`/api/v1/analytics/overview?from=${D}&to=${D1}`));
  assert.equal((theirs.totals as Record<string, number>).messagesIn, 0);
  assert.equal((await analyst.get(`/api/v1/analytics/overview?from=${D1}&to=${D}`)).status, 422);
  assert.equal((await analyst.get('/api/v1/analytics/overview?from=2026-02-30')).status, 422);
});
