import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { startEnvelopeProcessor, unsafeLoadChannelCredentials } from '../../modules/channels';
import { inboundSink } from '../../modules/inbox';
import type { FixtureProvider } from './types';

/** A's sandbox number receives a text and an image through the real webhook route, then is processed; A uploads a document. */
export const fixtures: FixtureProvider = async ({ t, a }) => {
  const channel = ((await a.client.get('/api/v1/channels')).body as { data: { phoneNumberId: string; wabaId: string }[] }).data[0]!;
  const creds = (await unsafeLoadChannelCredentials(t.container.channels, channel.phoneNumberId))!;
  const now = Math.floor(Date.now() / 1000);
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550000000', phone_number_id: channel.phoneNumberId },
    contacts: [{ profile: { name: 'Fixture Customer' }, wa_id: '4915112345678' }],
    messages: [
      { from: '4915112345678', id: `wamid.fixture-text-${now}`, timestamp: String(now), type: 'text', text: { body: 'fixture' } },
      { from: '4915112345678', id: `wamid.fixture-image-${now}`, timestamp: String(now), type: 'image', image: { id: '999001', mime_type: 'image/jpeg', sha256: 'x' } },
    ],
  };
  const raw = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: channel.wabaId, changes: [{ field: 'messages', value }] }] }));
  const response = await fetch(`${t.url}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', creds.appSecret).update(raw).digest('hex')}` }, body: raw });
  assert.equal(response.status, 200);
  const processor = startEnvelopeProcessor({ channels: t.container.channels, clock: t.container.clock, logger: t.container.logger, sink: inboundSink(t.container.inbox), autoStart: false });
  await processor.drain();
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
