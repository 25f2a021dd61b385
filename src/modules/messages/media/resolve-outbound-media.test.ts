import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudApiClient, GraphTransport, type OutboundMessage } from '../../channels';
import { ManualClock } from '../../../platform/clock';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import { classifySendFailure } from '../send/classify-send-failure';
import { MediaUploadFailure } from './media-upload-failure';
import { resolveOutboundMedia } from './resolve-outbound-media';

// The send-time swap of our media ids for Meta's, against a Graph stand-in over real HTTP whose
// upload answer each test chooses: one upload per medium and number, and upload failures
// classified as the send's (retried when transient, even if the upload's outcome is unknown).

let t: TestApp;
let workspaceId: string;
let mediaId: string;
let transport: GraphTransport;
let graph: ReturnType<typeof createServer>;
let answer: (req: IncomingMessage, res: ServerResponse) => void;
let uploads = 0;

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 7), Buffer.from([0xff, 0xd9])]);
const graphError = (res: ServerResponse, status: number, code: number) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `(#${code}) error`, type: 'OAuthException', code, fbtrace_id: 'A1' } }));
const clientFor = (phoneNumberId: string) => new CloudApiClient({ baseUrl: `http://127.0.0.1:${(graph.address() as AddressInfo).port}`, apiVersion: 'v24.0', accessToken: 'EAAJB-resolve-test', phoneNumberId, wabaId: '1', transport });
const imageOf = (id: string) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '16315550401', type: 'image', image: { id, caption: 'hi' } }) as OutboundMessage;
const resolve = (phoneNumberId: string, request = imageOf(mediaId), clock = t.container.clock) => resolveOutboundMedia({ ...t.container.messages, clock }, workspaceId, clientFor(phoneNumberId), request);
const metaIdOf = (request: OutboundMessage) => (request as { image: { id: string } }).image.id;
const failureOf = async (phoneNumberId: string) => {
  const error = await resolve(phoneNumberId).then(() => assert.fail('the upload should fail'), (e: unknown) => e);
  assert.ok(error instanceof MediaUploadFailure, String(error));
  return error;
};

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  workspaceId = owner.workspaceId;
  const form = new FormData();
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'photo.jpg');
  const uploaded = await owner.client.postForm('/api/v1/media', form);
  assert.equal(uploaded.status, 201, uploaded.text);
  mediaId = (uploaded.body as { id: string }).id;
  transport = new GraphTransport({ policy: { allowPrivate: true } });
  graph = createServer((req, res) => {
    uploads += 1;
    req.resume();
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
});
after(async () => {
  await transport.close();
  await new Promise((r) => graph.close(r));
  await t.close();
});

test('concurrent sends of one medium upload it once per number; later sends reuse the stored id', async () => {
  answer = (_req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `meta-${uploads}` })), 50);
  uploads = 0;
  const [a, b] = await Promise.all([resolve('1100'), resolve('1100')]);
  assert.equal(uploads, 1);
  assert.deepEqual(a, b);
  assert.deepEqual((a as { image: unknown }).image, { id: 'meta-1', caption: 'hi' });
  assert.deepEqual(await resolve('1100'), a, 'the stored id');
  assert.equal(uploads, 1);
  const other = await resolve('2200');
  assert.equal(uploads, 2, 'another number uploads its own copy');
  assert.deepEqual((other as { image: unknown }).image, { id: 'meta-2', caption: 'hi' });
});

test("the medium is uploaded again a day before Meta's 30 days run out, and the new id is kept", async () => {
  answer = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `meta-${uploads}` }));
  const clock = new ManualClock();
  const day = 86_400_000;
  uploads = 0;
  const first = metaIdOf(await resolve('5500', undefined, clock));
  clock.advance(28 * day);
  assert.equal(metaIdOf(await resolve('5500', undefined, clock)), first, 'still valid for more than a day');
  assert.equal(uploads, 1);
  clock.advance(1.5 * day);
  const renewed = metaIdOf(await resolve('5500', undefined, clock));
  assert.equal(uploads, 2);
  assert.notEqual(renewed, first);
  assert.equal(metaIdOf(await resolve('5500', undefined, clock)), renewed, 'the stored row was replaced');
  assert.equal(uploads, 2);
});

test("a request without media of ours is returned as is; Meta's ids and links are left alone", async () => {
  uploads = 0;
  const text = { messaging_product: 'whatsapp', to: '1', type: 'text', text: { body: 'x' } } as OutboundMessage;
  assert.equal(await resolve('3300', text), text);
  const metaMedia = imageOf('1013859600285441');
  assert.equal(await resolve('3300', metaMedia), metaMedia);
  assert.equal(uploads, 0);
});

test('an upload failure is the send failure: 5xx and a lost connection are retried, 131053 fails with its code', async () => {
  answer = (_req, res) => graphError(res, 500, 131000);
  const serverError = await failureOf('4400');
  assert.equal(classifySendFailure(serverError, 0).kind, 'retry');

  // The upload may have reached Meta, but the message never left: safe to retry.
  answer = (req) => req.socket.destroy();
  const lost = await failureOf('4401');
  assert.equal(classifySendFailure(lost, 0).kind, 'retry');

  answer = (_req, res) => graphError(res, 400, 131053);
  const refused = classifySendFailure(await failureOf('4402'), 0);
  assert.equal(refused.kind, 'fail');
  assert.equal(refused.error.code, 'media_upload_failed');
  assert.equal(refused.error.class, 'terminal');
  assert.match(refused.error.hint, /131053/);
});
