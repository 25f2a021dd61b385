import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { jobCatalog, type JobRow } from '../../platform/jobs';
import type { TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startAutomationFixture, type AutomationFixture } from './testing/automation-fixture';
import { runInboundAutomation } from './run-inbound-automation';

// Settings and automations over real HTTP; customers write through the simulator, the automation
// and mark-as-read jobs run as in a worker, replies reach the simulator through the real sender.

let t: TestApp;
let api: HttpClient;
let h: AutomationFixture['h'];
let jobs: AutomationFixture['jobs'];
let fx: AutomationFixture;

const closedWeek = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
const allDay = [{ open: '00:00', close: '24:00' }];
const openWeek = { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay };

before(async () => {
  fx = await startAutomationFixture();
  ({ t, api, h, jobs } = fx);
});
after(async () => fx?.close());

const customerWrites = (from: string, body: string) => fx.customerWrites(from, body);
const patchSettings = (body: Record<string, unknown>) => fx.patchSettings(body);

const textsTo = (to: string) => h.sim.engine.listSent(h.number.phoneNumberId, to).sent.map((s) => (s.body as { text?: { body?: string } }).text?.body);


test('settings: sensible defaults, partial PATCH returns everything, validation, roles and audit', async () => {
  const defaults = (await api.get('/api/v1/settings')).body as Record<string, { enabled?: boolean; text?: string; timezone?: string }>;
  assert.equal(defaults.markReadOnOpen, false);
  assert.equal(defaults.agentsSeeOnlyAssigned, false);
  assert.equal(defaults.optOutConfirmation!.enabled, true);
  assert.ok(defaults.optOutConfirmation!.text!.length > 10);
  assert.deepEqual(defaults.welcomeMessage, { enabled: false, text: '' });
  assert.ok(defaults.businessHours!.timezone);

  const changed = await patchSettings({ welcomeMessage: { enabled: true, text: 'Welcome!' }, businessHours: { timezone: 'Europe/Madrid', days: openWeek } });
  assert.deepEqual(changed.welcomeMessage, { enabled: true, text: 'Welcome!' });
  assert.equal(changed.markReadOnOpen, false, 'keys not given keep their value');
  assert.deepEqual((await api.get('/api/v1/settings')).body, changed);

  const invalid = [
    { businessHours: { timezone: 'Mars/Olympus_Mons', days: openWeek } },
    { businessHours: { timezone: 'UTC', days: { ...openWeek, mon: [{ open: '18:00', close: '09:00' }] } } },
    { businessHours: { timezone: 'UTC', days: { ...openWeek, tue: [{ open: '9am', close: '17:00' }] } } },
    { awayMessage: { enabled: true, text: '' } },
    { markReadOnOpen: 'yes' },
    { unknownSetting: true },
  ];
  for (const body of invalid) {
    const r = await api.patch('/api/v1/settings', body);
    assert.equal(r.status, 422, `${JSON.stringify(body)} → ${r.status}`);
    assert.equal((r.body as { error: { code: string } }).error.code, 'validation_failed');
  }
  const agent = (await t.apiKey(api, 'agent')).client;
  assert.equal((await agent.get('/api/v1/settings')).status, 403);
  assert.equal((await agent.patch('/api/v1/settings', { markReadOnOpen: true })).status, 403);
  const audit = (await api.get('/api/v1/audit-events?limit=200')).body as { data: { action: string; details: { fields?: string[] } }[] };
  const entry = audit.data.find((e) => e.action === 'settings.update');
  assert.deepEqual(entry?.details.fields, ['welcomeMessage', 'businessHours']);
});

test('the welcome message goes once, on the first contact, and is marked automated', async () => {
  await patchSettings({ welcomeMessage: { enabled: true, text: 'Welcome to Acme!' }, awayMessage: { enabled: false, text: '' } });
  await customerWrites('16315550201', 'Hello');
  assert.deepEqual(textsTo('16315550201'), ['Welcome to Acme!']);
  await customerWrites('16315550201', 'Anyone there?');
  assert.deepEqual(textsTo('16315550201'), ['Welcome to Acme!'], 'no welcome on the second message');
  const outbound = (await api.get('/api/v1/messages?direction=outbound&limit=200')).body as { data: { automation?: string; status: string; content?: { text?: { body: string } } }[] };
  const welcome = outbound.data.find((m) => m.content?.text?.body === 'Welcome to Acme!');
  assert.equal(welcome?.automation, 'welcome');
  assert.notEqual(welcome?.status, 'queued');
});

test('a customer known only by a BSUID (a username hides the phone) gets the welcome at that BSUID, once; agents reach it by contactId', async () => {
  await patchSettings({ welcomeMessage: { enabled: true, text: 'Welcome, whoever you are!' }, awayMessage: { enabled: false, text: '' } });
  const bsuid = 'US.13491208655302741918';
  const writes = async (body: string) => {
    h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, fromUserId: bsuid, type: 'text', text: { body } } as never);
    await h.settle();
    await jobs.drain();
    await h.settle();
  };
  await writes('Hi, I only have a username');
  await writes('Still me');
  const sent = h.sim.engine.listSent(h.number.phoneNumberId, bsuid);
  assert.deepEqual(sent.sent.map((s) => [s.to, (s.body as { text?: { body?: string } }).text?.body]), [[bsuid, 'Welcome, whoever you are!']], 'one welcome, addressed to the BSUID');
  assert.deepEqual(sent.countsByRecipient, { [bsuid]: 1 });

  const found = (await api.get(`/api/v1/contacts?q=${encodeURIComponent(bsuid)}`)).body as { data: { id: string; phone: string | null; identities: string[] }[] };
  assert.equal(found.data.length, 1);
  const contact = found.data[0]!;
  assert.deepEqual([contact.phone, contact.identities], [null, ['bsuid']], 'WhatsApp never told us the phone');
  const reply = await api.post('/api/v1/messages', { contactId: contact.id, type: 'text', text: { body: 'An agent here' } });
  assert.equal(reply.status, 202, reply.text);
  await h.settle();
  assert.deepEqual(h.sim.engine.listSent(h.number.phoneNumberId, bsuid).sent.map((s) => s.to), [bsuid, bsuid]);
  const message = (await api.get(`/api/v1/messages/${(reply.body as { id: string }).id}`)).body as { status: string };
  assert.equal(message.status, 'delivered', 'its status webhooks (recipient_id "", recipient_user_id) reached the message');

  // A contact stored before BSUIDs were kept has only the BSUID's blind token: its next message seals the BSUID.
  await sql`update contacts set bsuid = null where id = ${contact.id}`.execute(t.database.db);
  const unaddressable = await api.post('/api/v1/messages', { contactId: contact.id, type: 'text', text: { body: 'Lost?' } });
  assert.equal((unaddressable.body as { error: { code: string } }).error.code, 'not_found');
  await writes('Hello again');
  assert.equal((await api.post('/api/v1/messages', { contactId: contact.id, type: 'text', text: { body: 'Found you' } })).status, 202);
  await h.settle();
  assert.equal(h.sim.engine.listSent(h.number.phoneNumberId, bsuid).sent.at(-1)?.to, bsuid);

  // WhatsApp gives the user another BSUID (user_changed_user_id): the new one becomes the address.
  const renewed = 'US.27182818284590452353';
  h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, fromUserId: bsuid, type: 'system', system: { type: 'user_changed_user_id', newUserId: renewed } } as never);
  await h.settle();
  assert.equal((await api.post('/api/v1/messages', { contactId: contact.id, type: 'text', text: { body: 'Under your new id' } })).status, 202);
  await h.settle();
  assert.deepEqual(h.sim.engine.listSent(h.number.phoneNumberId, renewed).sent.map((s) => s.to), [renewed]);
});

test('the away message: outside business hours once per closed period, none inside', async () => {
  await patchSettings({ welcomeMessage: { enabled: false, text: '' }, awayMessage: { enabled: true, text: 'We are closed; back soon.' }, businessHours: { timezone: 'America/New_York', days: closedWeek } });
  await customerWrites('16315550202', 'Hi, are you open?');
  await customerWrites('16315550202', 'Hello??');
  assert.deepEqual(textsTo('16315550202'), ['We are closed; back soon.'], 'one away reply for the closed period');
  await patchSettings({ businessHours: { timezone: 'Asia/Kolkata', days: openWeek } });
  await customerWrites('16315550203', 'Hi, are you open?');
  assert.deepEqual(textsTo('16315550203'), []);
});

test('keyword auto-replies: CRUD, matching like search (case, accents, punctuation), disabled rules silent', async () => {
  await patchSettings({ awayMessage: { enabled: false, text: '' } });
  const created = await api.post('/api/v1/automations/keyword-replies', { keywords: ['precio', 'price'], matchType: 'contains', replyText: 'Our prices: acme.test/prices' });
  assert.equal(created.status, 201, created.text);
  const rule = created.body as { id: string; keywords: string[]; matchType: string; enabled: boolean; createdAt: string; updatedAt: string };
  assert.deepEqual([rule.keywords, rule.matchType, rule.enabled], [['precio', 'price'], 'contains', true]);
  const exact = await api.post('/api/v1/automations/keyword-replies', { keywords: ['hours'], matchType: 'exact', replyText: 'Mon–Fri 9–17' });
  assert.equal(exact.status, 201);
  assert.equal((await api.post('/api/v1/automations/keyword-replies', { keywords: ['!!!'], replyText: 'x' })).status, 422);
  const listed = (await api.get('/api/v1/automations/keyword-replies')).body as { data: { id: string }[]; nextCursor: null };
  assert.deepEqual(listed.data.map((r) => r.id), [(exact.body as { id: string }).id, rule.id]);

  await customerWrites('16315550204', '¿Cuál es el PRÉCIO?');
  assert.deepEqual(textsTo('16315550204'), ['Our prices: acme.test/prices']);
  await customerWrites('16315550205', 'what are your hours today');
  assert.deepEqual(textsTo('16315550205'), [], 'exact does not match inside a longer message');
  await customerWrites('16315550205', 'Hours?');
  assert.deepEqual(textsTo('16315550205'), ['Mon–Fri 9–17']);

  const patched = await api.patch(`/api/v1/automations/keyword-replies/${rule.id}`, { enabled: false });
  assert.equal(patched.status, 200);
  assert.equal((patched.body as { enabled: boolean }).enabled, false);
  await customerWrites('16315550206', 'price?');
  assert.deepEqual(textsTo('16315550206'), []);
  assert.equal((await api.delete(`/api/v1/automations/keyword-replies/${rule.id}`)).status, 204);
  assert.equal((await api.delete(`/api/v1/automations/keyword-replies/${rule.id}`)).status, 404);
  assert.equal((await api.delete(`/api/v1/automations/keyword-replies/${(exact.body as { id: string }).id}`)).status, 204);
});

test('Idempotency-Key on keyword auto-reply creation: a replay returns the first rule and creates nothing new; another body → 409', async () => {
  const rule = { keywords: ['refund'], matchType: 'contains', replyText: 'Refunds: acme.test/refunds' };
  const create = (body: unknown, key: string) => api.post('/api/v1/automations/keyword-replies', body, { 'idempotency-key': key });
  const rules = async () => ((await api.get('/api/v1/automations/keyword-replies?limit=200')).body as { data: { id: string }[] }).data.map((r) => r.id);
  const first = await create(rule, 'rule-refund');
  assert.equal(first.status, 201, first.text);
  const before = await rules();
  const replay = await create({ replyText: rule.replyText, matchType: 'contains', keywords: ['refund'] }, 'rule-refund');
  assert.equal(replay.status, 201);
  assert.deepEqual(replay.body, first.body, 'the first answer (keys in another order are the same body)');
  assert.deepEqual(await rules(), before, 'no second rule');
  const conflict = await create({ ...rule, replyText: 'Something else' }, 'rule-refund');
  assert.equal(conflict.status, 409);
  assert.equal((conflict.body as { error: { code: string } }).error.code, 'idempotency_conflict');
  const id = (first.body as { id: string }).id;
  const audit = (await api.get('/api/v1/audit-events?limit=200')).body as { data: { action: string; target: { id: string } | null }[] };
  assert.equal(audit.data.filter((e) => e.action === 'keyword_reply.create' && e.target?.id === id).length, 1, 'audited once');
  await customerWrites('16315550211', 'I want a refund');
  assert.deepEqual(textsTo('16315550211'), ['Refunds: acme.test/refunds'], 'the rule works, and answers once');
  assert.equal((await api.delete(`/api/v1/automations/keyword-replies/${id}`)).status, 204);
});

test('STOP gets the opt-out confirmation exactly once, even when its job runs twice, and no welcome', async () => {
  await patchSettings({ welcomeMessage: { enabled: true, text: 'Welcome!' } });
  const customer = '16315550207';
  await h.inbound(customer, 'STOP');
  const stop = ((await api.get('/api/v1/messages?direction=inbound&limit=200')).body as { data: { id: string; content?: { text?: { body: string } } }[] }).data.find((m) => m.content?.text?.body === 'STOP')!;
  const { rows } = await sql<JobRow>`select id, queue, workspace_id, payload, attempts, max_attempts from jobs where queue = ${jobCatalog.inboundAutomation.name}`.execute(t.database.db);
  // The runner may already have run it (its poll can fire under load): running it again must change nothing.
  const stopJob = rows.find((r) => r.payload.messageId === stop.id) ?? assert.fail('the automation job was queued with the message');
  assert.deepEqual(Object.keys(stopJob.payload).sort(), ['messageId', 'workspaceId'], 'ids only');
  const payload = jobCatalog.inboundAutomation.payload.parse(stopJob.payload);
  await Promise.all([runInboundAutomation(t.container.automation, payload), runInboundAutomation(t.container.automation, payload)]);
  await runInboundAutomation(t.container.automation, payload);
  await jobs.drain();
  await h.settle();
  const confirmation = ((await api.get('/api/v1/settings')).body as { optOutConfirmation: { text: string } }).optOutConfirmation.text;
  assert.deepEqual(textsTo(customer), [confirmation]);
  assert.deepEqual(Object.values(h.sim.engine.listSent(h.number.phoneNumberId, customer).countsByRecipient), [1], 'one send reached the customer');
  await customerWrites(customer, 'stop');
  assert.deepEqual(textsTo(customer), [confirmation], 'already opted out: no second confirmation');
});
