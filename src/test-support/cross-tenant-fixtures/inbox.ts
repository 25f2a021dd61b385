import assert from 'node:assert/strict';
import { receiveCustomerMessages } from '../../modules/messages/testing';
import type { FixtureProvider } from './types';

/** A's sandbox number receives a text and an image through the real webhook route, then is processed; A uploads a document. */
export const fixtures: FixtureProvider = async ({ t, a }) => {
  await receiveCustomerMessages(t, a.client, { name: 'Fixture Customer', waId: '4915112345678' }, [
    { id: 'fixture-text', type: 'text', text: { body: 'fixture' } },
    { id: 'fixture-image', type: 'image', image: { id: '999001', mime_type: 'image/jpeg', sha256: 'x' } },
  ]);
  const messages = ((await a.client.get('/api/v1/messages')).body as { data: { id: string; type: string; conversationId: string; media?: { id: string }[] }[] }).data;
  const text = messages.find((m) => m.type === 'text')!;
  const mediaId = messages.find((m) => m.type === 'image')!.media![0]!.id;
  const conversationId = text.conversationId;
  const upload = new FormData();
  upload.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'a.pdf');
  const uploaded = await a.client.postForm('/api/v1/media', upload);
  assert.equal(uploaded.status, 201, uploaded.text);
  const unchanged = async () => {
    const conversation = (await a.client.get(`/api/v1/conversations/${conversationId}`)).body as { status: string };
    assert.equal(conversation.status, 'open', "A's conversation was not changed by B");
    const notes = (await a.client.get(`/api/v1/conversations/${conversationId}/notes`)).body as { data: unknown[] };
    assert.equal(notes.data.length, 0, 'B added no note to A');
  };
  return {
    'GET /api/v1/conversations/:id': { id: conversationId },
    'PATCH /api/v1/conversations/:id': { id: conversationId, body: { status: 'resolved' }, unchanged },
    'GET /api/v1/conversations/:id/messages': { id: conversationId },
    'GET /api/v1/conversations/:id/notes': { id: conversationId },
    'POST /api/v1/conversations/:id/notes': { id: conversationId, body: { body: 'note by B' }, unchanged },
    'GET /api/v1/messages/:id': { id: text.id },
    'GET /api/v1/media/:id': { id: mediaId, alsoIds: [(uploaded.body as { id: string }).id] },
  };
};
