import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { receiveCustomerMessages } from '../../modules/messages/testing';
import type { FixtureProvider } from './types';

/** A's keyword reply, and a conversation of A (a customer wrote to A's sandbox number) that B may not mark read. */
export const fixtures: FixtureProvider = async ({ t, a }) => {
  assert.equal((await a.client.patch('/api/v1/settings', { markReadOnOpen: true })).status, 200);
  const created = await a.client.post('/api/v1/automations/keyword-replies', { keywords: ['fixture'], matchType: 'exact', replyText: 'A fixture reply' });
  assert.equal(created.status, 201, created.text);
  const replyId = (created.body as { id: string }).id;

  await receiveCustomerMessages(t, a.client, { name: 'Automation Fixture', waId: '4915112340009' }, [{ id: 'automation-fixture', type: 'text', text: { body: 'hello' } }]);
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
