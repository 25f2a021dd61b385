import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';
import { startSenderHarness } from '../../test-support/sender-harness';
import { priceOf } from './prices';
import { startCampaignRunner } from './run-campaigns';

// Campaigns against the simulator: consent filter, per-recipient variables, live funnel,
// completion, the automatic pause when the template is paused by Meta, replies and actual cost.

let t: TestApp;
let api: HttpClient;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
let runner: ReturnType<typeof startCampaignRunner>;

type View = { id: string; status: string; pausedReason: string | null; funnel: Record<string, number> & { skippedByReason: Record<string, number> }; cost: { estimate: number; actual: number; currency: string } };

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  h = await startSenderHarness(t, api, { label: 'campaign', throughputMps: 80 });
  runner = startCampaignRunner(t.container.campaigns, { pollMs: 20, onQueued: h.sender.wake });
  const body = (text: string, example: string[]) => ({ type: 'BODY', text, example: { body_text: [example] } });
  await h.graph.createTemplate({ name: 'vip_offer', language: 'en_US', category: 'MARKETING', components: [body('Hi {{1}}, your code is {{2}}.', ['Ann', 'X1'])] } as never);
  await h.graph.createTemplate({ name: 'notice', language: 'en_US', category: 'UTILITY', components: [body('Notice {{1}}.', ['1'])] } as never);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await api.post('/api/v1/templates/sync', {})).status, 200);
});
after(async () => {
  await runner?.stop();
  await h?.close();
  await t?.close();
});

async function contact(phone: string, name: string, consent: boolean | null, tags = ['vip']): Promise<string> {
  const r = await api.post('/api/v1/contacts', { phone, name, tags, attributes: { code: `C-${phone.slice(-3)}` } });
  assert.equal(r.status, 201, r.text);
  const id = (r.body as { id: string }).id;
  if (consent !== null) assert.equal((await api.post(`/api/v1/contacts/${id}/consent`, { purpose: 'marketing', granted: consent, source: 'api' })).status, 201);
  return id;
}

async function waitFor(id: string, ok: (v: View) => boolean): Promise<View> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = (await api.get(`/api/v1/campaigns/${id}`)).body as View;
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`campaign never got there: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a marketing campaign skips contacts without consent, fills variables per recipient and completes with one send each', async () => {
  await contact('+14155550111', 'Ana', true);
  await contact('+14155550112', 'Ben', true);
  await contact('+14155550113', 'Cy', false);
  await contact('+14155550114', 'Di', null);
  await contact('+14155550115', 'Ed', true, ['other']);
  const created = await api.post('/api/v1/campaigns', {
    name: 'Spring VIP', template: { name: 'vip_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }, { type: 'text', text: '{{contact.attributes.code}}' }] }] }, audience: { tags: ['vip'] },
  });
  assert.equal(created.status, 201, created.text);
  const draft = created.body as View;
  assert.equal(draft.status, 'draft');
  assert.equal(draft.funnel.total, 4);
  assert.equal(draft.funnel.skipped, 2);
  assert.equal(draft.funnel.skippedByReason.no_marketing_consent, 2);
  assert.ok(draft.cost.estimate > 0 && draft.cost.currency === 'USD');
  assert.equal((await api.post(`/api/v1/campaigns/${draft.id}/resume`)).status, 409);

  assert.equal((await api.post(`/api/v1/campaigns/${draft.id}/start`)).status, 200);
  const done = await waitFor(draft.id, (v) => v.status === 'completed');
  await h.settle();
  const final = await waitFor(draft.id, (v) => v.funnel.sent === 2);
  assert.equal(final.funnel.failed, 0);
  const sent = h.sim.engine.listSent(h.number.phoneNumberId);
  assert.equal(sent.countsByRecipient['14155550111'], 1);
  assert.equal(sent.countsByRecipient['14155550112'], 1);
  assert.equal(sent.countsByRecipient['14155550113'] ?? 0, 0, 'opted out: never sent');
  assert.equal(sent.countsByRecipient['14155550114'] ?? 0, 0, 'no consent: never sent');
  assert.ok(JSON.stringify(sent.sent).includes('C-111'), 'attributes filled per recipient');
  assert.equal(done.funnel.total, 4);
});

test('a campaign pauses itself when Meta pauses its template', async () => {
  await contact('+14155550121', 'Fay', null, ['ops']);
  const created = await api.post('/api/v1/campaigns', { name: 'Ops', template: { name: 'notice', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '7' }] }] }, audience: { tags: ['ops'] }, scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as View).id;
  assert.equal(((await api.post(`/api/v1/campaigns/${id}/start`)).body as View).status, 'scheduled');
  const template = (await h.graph.listTemplates()).data.find((x) => x.name === 'notice')!;
  h.sim.engine.changeTemplate(template.id, { status: 'PAUSED' });
  await h.settle();
  // Due now: the runner takes it up, sees the paused template and pauses the campaign.
  await sql`update campaigns set scheduled_at = now() - interval '1 second' where id = ${id}`.execute(t.container.database.db);
  const paused = await waitFor(id, (v) => v.status === 'paused');
  assert.equal(paused.pausedReason, 'template_paused');
  assert.equal(h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient['14155550121'] ?? 0, 0);
});

test('the funnel counts a replying recipient once and prices billed messages by category and country', async () => {
  await contact('+447700900131', 'Gus', true, ['intl']);
  await contact('+4915112345131', 'Hal', true, ['intl']);
  await contact('+14155550131', 'Ivy', true, ['intl']);
  // Ivy wrote an hour before the campaign: no reply to it.
  h.sim.engine.injectInbound({ phoneNumberId: h.number.phoneNumberId, from: '14155550131', type: 'text', text: { body: 'earlier' }, timestamp: String(Math.floor(Date.now() / 1000) - 3600) } as never);
  await h.settle();
  const created = await api.post('/api/v1/campaigns', { name: 'Intl', template: { name: 'vip_offer', language: 'en_US', components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }, { type: 'text', text: '{{contact.attributes.code}}' }] }] }, audience: { tags: ['intl'] } });
  assert.equal(created.status, 201, created.text);
  const id = (created.body as View).id;
  // One of the three sends fails (never billed): the actual cost is not the estimate's average.
  h.sim.engine.armFault(h.number.phoneNumberId, 131026, 1, 'sync');
  assert.equal((await api.post(`/api/v1/campaigns/${id}/start`)).status, 200);
  await waitFor(id, (v) => v.status === 'completed');
  await h.settle();
  const sent = await waitFor(id, (v) => v.funnel.sent === 2 && v.funnel.failed === 1);
  assert.equal(sent.funnel.replied, 0);
  // Meta bills each delivered marketing template at its recipient's country rate (UK, Germany, US).
  const country: Record<string, string> = { '447700900131': '44', '4915112345131': '49', '14155550131': '1' };
  const accepted = Object.keys(h.sim.engine.listSent(h.number.phoneNumberId).countsByRecipient).filter((p) => country[p]);
  assert.equal(accepted.length, 2);
  const expected = accepted.reduce((a, p) => a + priceOf('MARKETING', country[p]!), 0);
  assert.equal(sent.cost.actual, Math.round(expected * 10_000) / 10_000);

  await h.inbound(accepted[0]!, 'thanks!');
  await h.inbound(accepted[0]!, 'when does it end?');
  const replied = await waitFor(id, (v) => (v.funnel.replied ?? 0) > 0);
  assert.equal(replied.funnel.replied, 1, 'two replies of one recipient count once');
});
