import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { readdir } from 'node:fs/promises';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import type { HttpClient } from '../../../test-support/http-client';
import { startSenderHarness } from '../../../test-support/sender-harness';

// Uploads over real HTTP (multipart), then sends that name them through the simulator: Meta gets
// its own media id, uploaded once per phone number from the stored file.

let t: TestApp;
let api: HttpClient;
let workspaceId: string;
let h: Awaited<ReturnType<typeof startSenderHarness>>;
const ANN = '16315550301';

type Msg = { id: string; status: string; error?: { code: string; class: string; hint: string } };
type Sent = { type: string; body: Record<string, { id?: string; caption?: string }> };

const jpeg = (seed: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, seed), Buffer.from([0xff, 0xd9])]);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const form = (bytes: Buffer, type: string, filename = 'file', extra: Record<string, string> = {}) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  f.append('file', new Blob([bytes], { type }), filename);
  return f;
};
const upload = async (bytes: Buffer, type: string, headers: Record<string, string> = {}) => {
  const r = await api.postForm('/api/v1/media', form(bytes, type), headers);
  assert.equal(r.status, 201, r.text);
  return r.body as { id: string; type: string; mimeType: string; size: number };
};
const code = (r: { body: unknown }) => (r.body as { error: { code: string } }).error.code;
const sentImages = () => (h.sim.engine.listSent(h.number.phoneNumberId, ANN).sent as Sent[]).filter((s) => s.type === 'image');

async function sendAndSettle(body: unknown): Promise<Msg> {
  const r = await api.post('/api/v1/messages', body);
  assert.equal(r.status, 202, r.text);
  await h.settle();
  return (await api.get(`/api/v1/messages/${(r.body as { id: string }).id}`)).body as Msg;
}

before(async () => {
  t = await startTestApp();
  const owner = await t.signUp();
  api = owner.client;
  workspaceId = owner.workspaceId;
  h = await startSenderHarness(t, api);
  await h.inbound(ANN, 'Can I see a photo?');
});
after(async () => {
  await h?.close();
  await t?.close();
});

test('an uploaded image is sent by our id: Meta gets the id the number uploaded, once, and the customer gets the photo', async () => {
  const photo = jpeg(1);
  const uploaded = await upload(photo, 'image/jpeg');
  assert.deepEqual({ type: uploaded.type, mimeType: uploaded.mimeType, size: uploaded.size }, { type: 'image', mimeType: 'image/jpeg', size: photo.length });
  const stored = await api.get(`/api/v1/media/${uploaded.id}`);
  assert.equal(stored.status, 200, 'the upload is readable like any medium');
  assert.equal(stored.headers.get('content-type'), 'image/jpeg');

  const first = await sendAndSettle({ to: ANN, type: 'image', image: { id: uploaded.id, caption: 'Here it is' } });
  assert.ok(['sent', 'delivered', 'read'].includes(first.status), JSON.stringify(first));
  const [sent] = sentImages();
  const metaId = sent!.body.image!.id!;
  assert.notEqual(metaId, uploaded.id, 'Meta never sees our UUID');
  assert.equal(sent!.body.image!.caption, 'Here it is');
  const atMeta = h.sim.engine.media.get(metaId);
  assert.equal(atMeta?.ownerPhoneNumberId, h.number.phoneNumberId, 'uploaded on the sending number');
  assert.deepEqual(atMeta?.data, photo, 'the very bytes we stored');

  const second = await sendAndSettle({ to: ANN, type: 'image', image: { id: uploaded.id } });
  assert.ok(['sent', 'delivered', 'read'].includes(second.status), second.status);
  assert.deepEqual(sentImages().map((s) => s.body.image!.id), [metaId, metaId], 'the second send reuses the upload');
});

test('wrong type, mismatched bytes, too large or no file → 4xx with a code; nothing stored', async () => {
  const gif = await api.postForm('/api/v1/media', form(Buffer.from('GIF89a....'), 'image/gif'));
  assert.equal(gif.status, 415, gif.text);
  assert.equal(code(gif), 'media_type_unsupported');
  const renamed = await api.postForm('/api/v1/media', form(pdf, 'image/png'));
  assert.equal(renamed.status, 422, renamed.text);
  assert.equal(code(renamed), 'media_type_mismatch');
  const big = Buffer.concat([jpeg(3), Buffer.alloc(5 * 1024 * 1024)]);
  const tooLarge = await api.postForm('/api/v1/media', form(big, 'image/jpeg'));
  assert.equal(tooLarge.status, 413, tooLarge.text);
  assert.equal(code(tooLarge), 'media_too_large');
  assert.deepEqual((tooLarge.body as { error: { details: unknown } }).error.details, { mimeType: 'image/jpeg', limitBytes: 5 * 1024 * 1024, sizeBytes: big.length });
  const staticSticker = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(120 * 1024)]);
  assert.equal(code(await api.postForm('/api/v1/media', form(staticSticker, 'image/webp'))), 'media_too_large', 'a static sticker is at most 100 KB');
  const noFile = new FormData();
  noFile.append('type', 'image/jpeg');
  const missing = await api.postForm('/api/v1/media', noFile);
  assert.equal(missing.status, 422, missing.text);
  assert.equal(code(missing), 'media_file_required');
  const json = await api.post('/api/v1/media', { file: 'x' });
  assert.equal(json.status, 415, json.text);
  // The `type` field, like Meta's, names the type when the part has none.
  const typed = await api.postForm('/api/v1/media', form(pdf, 'application/octet-stream', 'invoice.pdf', { type: 'application/pdf' }));
  assert.equal(typed.status, 201, typed.text);
  assert.equal((typed.body as { type: string }).type, 'document');
});

test('Idempotency-Key: the same file again answers the first upload', async () => {
  const headers = { 'idempotency-key': 'upload-once' };
  const first = await upload(jpeg(4), 'image/jpeg', headers);
  const again = await upload(jpeg(4), 'image/jpeg', headers);
  assert.equal(again.id, first.id);
  const other = await api.postForm('/api/v1/media', form(jpeg(5), 'image/jpeg'), headers);
  assert.equal(other.status, 409);
  assert.equal(code(other), 'idempotency_conflict');
  const tooLong = await api.postForm('/api/v1/media', form(jpeg(5), 'image/jpeg'), { 'idempotency-key': 'k'.repeat(256) });
  assert.equal(tooLong.status, 422, tooLong.text);
  assert.equal(code(tooLong), 'validation_failed');
});

test('the OpenAPI document describes the multipart form', async () => {
  const spec = (await t.anonymous.get('/docs/json')).body as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, { format?: string }>; required: string[] } }> } } }> };
  const schema = spec.paths['/api/v1/media']!.post.requestBody.content['multipart/form-data']!.schema;
  assert.equal(schema.properties.file!.format, 'binary');
  assert.deepEqual(schema.required, ['file']);
});

test("another workspace's upload is media_not_found, on send and on read", async () => {
  const uploaded = await upload(jpeg(6), 'image/jpeg');
  const other = await t.signUp();
  const send = await other.client.post('/api/v1/messages', { to: ANN, type: 'image', image: { id: uploaded.id } });
  assert.equal(send.status, 422, send.text);
  assert.equal(code(send), 'media_not_found');
  assert.equal((await other.client.get(`/api/v1/media/${uploaded.id}`)).status, 404);
});

test('a medium sent as a type that cannot carry it → 422 media_type_mismatch before anything is queued', async () => {
  const doc = await upload(pdf, 'application/pdf');
  const asImage = await api.post('/api/v1/messages', { to: ANN, type: 'image', image: { id: doc.id } });
  assert.equal(asImage.status, 422, asImage.text);
  assert.equal(code(asImage), 'media_type_mismatch');
  assert.deepEqual((asImage.body as { error: { details: unknown } }).error.details, { media: [{ id: doc.id, sentAs: 'image', mimeType: 'application/pdf' }] });
  const asDocument = await sendAndSettle({ to: ANN, type: 'document', document: { id: doc.id, filename: 'invoice.pdf' } });
  assert.ok(['sent', 'delivered', 'read'].includes(asDocument.status), asDocument.status);
});

test('a medium whose file is gone fails the send with media_not_found and a hint, without reaching Meta', async () => {
  const uploaded = await upload(jpeg(7), 'image/jpeg');
  await t.container.messages.storage.delete(`${workspaceId}/${uploaded.id}`);
  const before = sentImages().length;
  const failed = await sendAndSettle({ to: ANN, type: 'image', image: { id: uploaded.id } });
  assert.equal(failed.status, 'failed');
  assert.equal(failed.error?.code, 'media_not_found');
  assert.equal(failed.error?.class, 'terminal');
  assert.match(failed.error?.hint ?? '', /upload the file again/);
  assert.equal(sentImages().length, before);
});

/**
 * Uploads a PDF of `size` bytes as a multipart body written piece by piece (64 KB, never whole in
 * this process either), chunked unless `announce` puts a Content-Length on it. Stops writing as
 * soon as the server answers.
 */
let bearer: string | undefined;
async function streamUpload(size: number, announce?: number): Promise<{ status: number; body: { id?: string; size?: number; error?: { code: string } } }> {
  bearer ??= (await t.apiKey(api, 'agent')).key;
  const boundary = 'streamed-upload-boundary';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.pdf"\r\ncontent-type: application/pdf\r\n\r\n%PDF-1.4\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const piece = Buffer.alloc(64 * 1024, 0x41);
  const url = new URL('/api/v1/media', t.url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': `multipart/form-data; boundary=${boundary}`, ...(announce ? { 'content-length': String(announce) } : {}) },
    }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    if (announce) {
      req.flushHeaders(); // and not a byte of the body: the server must answer from the headers alone
      return;
    }
    void (async () => {
      const write = (b: Buffer) => (req.write(b) ? Promise.resolve() : new Promise<void>((r) => req.once('drain', () => r())));
      await write(head);
      for (let sent = 9; sent < size && !answered && !req.destroyed; sent += piece.length) await write(piece.subarray(0, Math.min(piece.length, size - sent)));
      if (!answered && !req.destroyed) req.end(tail);
    })();
  });
}

async function peakRssGrowthDuring<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  global.gc?.();
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  try {
    const result = await work();
    return { result, growthMb: (peak - start) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

const scratchFiles = async () => (await readdir(t.container.messages.storage.scratchDir).catch(() => [])).length;

test('uploads stream to disk: two concurrent 60 MB documents are stored with memory bounded, and read back intact', async (ctx) => {
  const size = 60 * 1024 * 1024;
  const { result, growthMb } = await peakRssGrowthDuring(() => Promise.all([streamUpload(size), streamUpload(size)]));
  ctx.diagnostic(`peak RSS growth while receiving 2 × 60 MB: ${growthMb.toFixed(1)} MB`);
  for (const r of result) assert.deepEqual([r.status, r.body.size], [201, size], JSON.stringify(r.body));
  // Held in memory, the two files would take 120 MB at least, 240 MB with their sealed copies.
  assert.ok(growthMb < 80, `the process grew by ${growthMb.toFixed(0)} MB while receiving 120 MB`);
  assert.equal(await scratchFiles(), 0, 'no scratch file is left behind');
  const stored = await fetch(`${t.url}/api/v1/media/${result[0].body.id}`, { headers: { authorization: `Bearer ${bearer}` } });
  assert.equal(stored.status, 200);
  const bytes = Buffer.from(await stored.arrayBuffer());
  assert.equal(bytes.length, size);
  assert.equal(bytes.subarray(0, 9).toString('latin1'), '%PDF-1.4\n');
  assert.equal(bytes.indexOf(0x00), -1);
});

test('an upload past the limit is stopped as it arrives with 413 media_too_large, announced or not, and nothing is kept', async (ctx) => {
  const limit = 100 * 1024 * 1024;
  const { result: streamed, growthMb } = await peakRssGrowthDuring(() => streamUpload(limit + 1024 * 1024));
  ctx.diagnostic(`peak RSS growth while refusing 101 MB: ${growthMb.toFixed(1)} MB`);
  assert.deepEqual([streamed.status, streamed.body.error?.code], [413, 'media_too_large']);
  assert.ok(growthMb < 60, `the process grew by ${growthMb.toFixed(0)} MB while refusing 101 MB`);
  const announced = await streamUpload(0, limit * 2);
  assert.deepEqual([announced.status, announced.body.error?.code], [413, 'media_too_large'], 'refused from its Content-Length, before reading');
  assert.equal(await scratchFiles(), 0);
});
