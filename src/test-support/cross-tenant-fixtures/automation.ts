import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { startEnvelopeProcessor, unsafeLoadChannelCredentials } from '../../modules/channels';
import { inboundSink } from '../../modules/inbox';
import type { FixtureProvider } from './types';

/** A's keyword reply, and a conversation of A (a customer wrote to A's sandbox number) that B may not mark read. */
export const fixtures: FixtureProvider = async ({ t, a }) => {
  assert.equal((await a.client.patch('/api/v1/settings', { markReadOnOpen: true })).status, 200);
  const created = await a.client.post('/api/v1/automations/keyword-replies', { keywords: ['fixture'], matchType: 'exact', replyText: 'A fixture reply' });
  assert.equal(created.status, 201, created.text);
  const replyId = (created.body as { id: string }).id;

  const channel = ((await a.client.get('/api/v1/channels')).body as { data: { phoneNumberId: string; wabaId: string }[] }).data[0]!;
  const creds = (await unsafeLoadChannelCredentials(t.container.channels, channel.phoneNumberId))!;
  const now = Math.floor(Date.now() / 1000);
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550000000', phone_number_id: channel.phoneNumberId },
    contacts: [{ profile: { name: 'Automation Fixture' }, wa_id: '4915112340009' }],
    messages: [{ from: '4915112340009', id: `wamid.automation-fixture-${now}`, timestamp: String(now), type: 'text', text: { body: 'hello' } }],
  };
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: channel.wabaId, changes: [{ field: 'messages', value }] }] }));
  const response = await fetch(`${t.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', creds.appSecret).update(raw).digest('hex')}` }, body: raw });
  assert.equal(response.status, 200);
  await startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger: t.container.logger, sink: inboundSink(t.container.inbox), autoStart: false }).drain();
  const messages = ((await a.client.get('/api/v1/messages?direction=inbound')).body as { data: { conversationId: string; content?: { text?: { body: string } } }[] }).data;
  const conversationId = messages.find((m) => m.content?.text?.body === 'hello')!.conversationId;

  const unchanged = async () => {
    const replies = (await a.client.get('/api/v1/automations/keyword-replies')).body as { data: { id: string; replyText: string }[] };
    assert.equal(replies.data.find((r) => r.id === replyId)?.replyText, 'A fixture reply', "A's keyword reply was not changed or deleted by B");
    const receipts = await sql<{ n: string }>`select count(*) as n from read_receipts where workspace_id = ${a.workspaceId}`.execute(t.database.db);
    assert.equal(Number(receipts.rows[0]!.n), 0, 'B marked nothing of A read');
  };
  return {
    'PATCH /api/v1/automations/keyword-replies/:id': { id: replyId, body: { replyText: 'changed by B' }, unchanged },
    'DELETE /api/v1/automations/keyword-replies/:id': { id: replyId, unchanged },
    'POST /api/v1/conversations/:id/read': { id: conversationId, unchanged },
  };
};
