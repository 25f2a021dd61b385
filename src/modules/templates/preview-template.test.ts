import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startSenderHarness } from '../../test-support/sender-harness';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { HttpClient } from '../../test-support/http-client';

// Template preview filled from a contact, and the audit of template actions.

let t: TestApp;
let api: HttpClient;
let workspaceId: string;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
let templateId: string;
let contactId: string;

type Preview = { header?: { format: string; text?: string }; body: string; footer?: string; buttons?: { type: string; text: string }[]; missingParameters: string[] };

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  workspaceId = owner.workspaceId;
  h = await startSenderHarness(t, api);
  const created = await api.post('/api/v1/templates', {
    name: 'order_ready', language: 'en_US', category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
      { type: 'BODY', text: 'Hi {{1}}, your order from {{2}} is ready.', example: { body_text: [['Ann', 'Lisbon']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}', example: ['https://example.com/t/A-1'] }, { type: 'QUICK_REPLY', text: 'Thanks' }] },
    ],
  });
  assert.equal(created.status, 201, created.text);
  templateId = (created.body as { id: string }).id;
  const contact = await api.post('/api/v1/contacts', { phone: '+14155550601', name: 'Ann Lee', attributes: { store: 'Lisbon' } });
  assert.equal(contact.status, 201, contact.text);
  contactId = (contact.body as { id: string }).id;
});
after(async () => {
  await h?.close();
  await t?.close();
});

const preview = async (body: unknown, client = api) => client.post(`/api/v1/templates/${templateId}/preview`, body);

test("a preview fills {{contact.name}}, {{contact.attributes.x}} and literal parameters from a contact, and audits the read", async () => {
  const r = await preview({
    contactId,
    components: [
      { type: 'header', parameters: [{ type: 'text', text: 'A-7' }] },
      { type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }, { type: 'text', text: '{{contact.attributes.store}}' }] },
      { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'A-7' }] },
    ],
  });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.body as Preview, {
    header: { format: 'TEXT', text: 'Order A-7' },
    body: 'Hi Ann Lee, your order from Lisbon is ready.',
    footer: 'Reply STOP to opt out',
    buttons: [{ type: 'URL', text: 'Track' }, { type: 'QUICK_REPLY', text: 'Thanks' }],
    missingParameters: [],
  });
  const audit = await sql<{ action: string; target_id: string; actor_type: string }>`select action, target_id, actor_type from audit_events where workspace_id = ${workspaceId} and action = 'template.preview'`.execute(t.container.database.db);
  assert.deepEqual(audit.rows, [{ action: 'template.preview', target_id: contactId, actor_type: 'user' }]);
});

test('variables without a value stay as written and are listed as missing', async () => {
  const r = await preview({ components: [{ type: 'body', parameters: [{ type: 'text', text: '{{contact.name}}' }] }] });
  assert.equal(r.status, 200, r.text);
  const p = r.body as Preview;
  assert.equal(p.body, 'Hi {{1}}, your order from {{2}} is ready.');
  assert.deepEqual(p.missingParameters, ['header.1', 'body.1', 'body.2', 'buttons.0.1']);
  const noAttribute = (await preview({ contactId, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Bo' }, { type: 'text', text: '{{contact.attributes.none}}' }] }] })).body as Preview;
  assert.equal(noAttribute.body, 'Hi Bo, your order from {{2}} is ready.');
  assert.ok(noAttribute.missingParameters.includes('body.2'));
});

test("preview checks: unknown template or contact → 404; an analyst may preview but not read a contact's data", async () => {
  assert.equal((await api.post('/api/v1/templates/nope/preview', {})).status, 404);
  assert.equal((await preview({ contactId: 'nope' })).status, 404);
  const analyst = await t.apiKey(api, 'analyst');
  assert.equal((await preview({}, analyst.client)).status, 200);
  assert.equal((await preview({ contactId }, analyst.client)).status, 403);
});

test('template creation and sync are audited with their actor', async () => {
  const key = await t.apiKey(api, 'admin');
  assert.equal((await key.client.post('/api/v1/templates/sync', {})).status, 200);
  const rows = await sql<{ action: string; actor_type: string; target_id: string }>`
    select action, actor_type, target_id from audit_events where workspace_id = ${workspaceId} and action like 'template.%' and action <> 'template.preview' order by seq`.execute(t.container.database.db);
  assert.deepEqual(rows.rows.map((r) => [r.action, r.actor_type]), [['template.create', 'user'], ['template.sync', 'api_key']]);
  assert.equal(rows.rows[0]!.target_id, templateId);
});
