/** Contract: media upload, retrieve, download and delete (reference §4). */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { CloudApiClient, GraphApiError, GraphHttpError, GraphTransport, MediaDownloadError, sha256Matches } from './index';
import { graphError, startCaptureServer, type CaptureServer } from './testing/graph-capture-server';

const token = 'EAAJB-media-test-token';
const phoneNumberId = '106540352242922';
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const jpegSha256Hex = createHash('sha256').update(jpeg).digest('hex');

let server: CaptureServer;
let transport: GraphTransport;
let client: CloudApiClient;

before(async () => {
  server = await startCaptureServer((request) => {
    if (request.method === 'POST' && request.path.endsWith('/media')) return { status: 200, json: { id: '1037543291543636' } };
    if (request.method === 'GET' && request.path === '/v24.0/1037543291543636') {
      return { status: 200, json: {
        messaging_product: 'whatsapp', url: `${server.url}/whatsapp_business/attachments/?mid=1037543291543636&ext=1&hash=ATsig`,
        mime_type: 'image/jpeg', sha256: jpegSha256Hex, file_size: String(jpeg.length), id: '1037543291543636' } };
    }
    if (request.method === 'GET' && request.path.startsWith('/whatsapp_business/attachments/')) {
      if (request.headers.authorization !== `Bearer ${token}`) return { status: 401, text: 'unauthorized' };
      if (request.path.includes('mid=expired')) return { status: 404, text: 'not found' };
      return { status: 200, text: jpeg, headers: { 'content-type': 'image/jpeg' } };
    }
    if (request.method === 'GET' && request.path === '/v24.0/unknown-media') return graphError(400, 100, 'Invalid parameter');
    if (request.method === 'DELETE') return { status: 200, json: { success: true } };
    return { status: 404, text: 'no route' };
  });
  transport = new GraphTransport({ policy: { allowPrivate: true } });
  client = new CloudApiClient({ baseUrl: server.url, apiVersion: 'v24.0', accessToken: token, phoneNumberId, wabaId: '102290129340398', transport });
});

after(async () => {
  await transport.close();
  await server.close();
});

test('upload sends multipart fields messaging_product, file (with type and filename) and type', async () => {
  const result = await client.uploadMedia({ data: jpeg, mimeType: 'image/jpeg', filename: 'shoe.jpg' });
  assert.deepStrictEqual(result, { id: '1037543291543636' });
  const request = server.requests.at(-1);
  assert.ok(request);
  assert.equal(request.method, 'POST');
  assert.equal(request.path, `/v24.0/${phoneNumberId}/media`);
  assert.equal(request.headers.authorization, `Bearer ${token}`);
  const contentType = request.headers['content-type'] ?? '';
  assert.match(contentType, /^multipart\/form-data; boundary=/);
  const form = await new Response(request.rawBody, { headers: { 'content-type': contentType } }).formData();
  assert.deepStrictEqual([...form.keys()], ['messaging_product', 'file', 'type']);
  assert.equal(form.get('messaging_product'), 'whatsapp');
  assert.equal(form.get('type'), 'image/jpeg');
  const file = form.get('file');
  assert.ok(file instanceof Blob);
  assert.equal((file as File).name, 'shoe.jpg');
  assert.equal(file.type, 'image/jpeg');
  assert.deepStrictEqual(Buffer.from(await file.arrayBuffer()), jpeg);
});

test('retrieve returns the URL, MIME type, sha256 and size', async () => {
  const media = await client.getMedia('1037543291543636');
  assert.deepStrictEqual(media, {
    id: '1037543291543636',
    url: `${server.url}/whatsapp_business/attachments/?mid=1037543291543636&ext=1&hash=ATsig`,
    mimeType: 'image/jpeg',
    sha256: jpegSha256Hex,
    fileSize: jpeg.length,
  });
  const request = server.requests.at(-1);
  assert.equal(request?.method, 'GET');
  assert.equal(request?.path, '/v24.0/1037543291543636');
  assert.equal(request?.headers.authorization, `Bearer ${token}`);
});

test('download sends the bearer token and checks the sha256 (hex or base64)', async () => {
  const media = await client.getMedia('1037543291543636');
  const downloaded = await client.downloadMediaBytes(media.url, { expectedSha256: media.sha256 });
  assert.deepStrictEqual(downloaded.bytes, jpeg);
  assert.equal(downloaded.mimeType, 'image/jpeg');
  assert.equal(server.requests.at(-1)?.headers.authorization, `Bearer ${token}`);

  const base64 = createHash('sha256').update(jpeg).digest('base64');
  assert.ok(sha256Matches(jpeg, base64));
  assert.ok(sha256Matches(jpeg, jpegSha256Hex.toUpperCase()));
  assert.ok(!sha256Matches(Buffer.from('other'), base64));
  await assert.rejects(client.downloadMediaBytes(media.url, { expectedSha256: createHash('sha256').update('other').digest('base64') }),
    (error: unknown) => error instanceof MediaDownloadError && error.failure === 'sha256_mismatch' && error.class === 'retryable');
});

test('download streams, and refuses more than maxBytes', async () => {
  const media = await client.getMedia('1037543291543636');
  const stream = await client.downloadMedia(media.url);
  assert.equal(stream.contentLength, jpeg.length);
  const chunks: Buffer[] = [];
  for await (const chunk of stream.body) chunks.push(chunk as Buffer);
  assert.deepStrictEqual(Buffer.concat(chunks), jpeg);
  await assert.rejects(client.downloadMediaBytes(media.url, { maxBytes: 4 }), (error: unknown) => error instanceof MediaDownloadError && error.failure === 'too_large');
});

test('an expired media URL is a terminal 404 whose path leaves out the signed query', async () => {
  await assert.rejects(client.downloadMediaBytes(`${server.url}/whatsapp_business/attachments/?mid=expired&hash=ATsecret`), (error: unknown) => {
    assert.ok(error instanceof GraphHttpError);
    assert.equal(error.httpStatus, 404);
    assert.equal(error.class, 'terminal');
    assert.match(error.hint, /retrieve the media again/);
    assert.equal(error.path, '/whatsapp_business/attachments/');
    assert.doesNotMatch(JSON.stringify(error) + error.message, /ATsecret/);
    return true;
  });
});

test('the token is never sent to a URL outside Meta and the Graph origin', async () => {
  const count = server.requests.length;
  await assert.rejects(client.downloadMedia('https://attacker.example.com/steal'), (error: unknown) =>
    error instanceof MediaDownloadError && error.failure === 'untrusted_url' && error.outcome === 'not_sent');
  await assert.rejects(client.downloadMedia('http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1'), MediaDownloadError);
  assert.equal(server.requests.length, count);

  const other = await startCaptureServer((request) => ({ status: 200, text: String(request.headers.authorization) }));
  try {
    const trusting = new CloudApiClient({ baseUrl: server.url, apiVersion: 'v24.0', accessToken: token, phoneNumberId, wabaId: '1', transport, trustedMediaOrigins: [other.url] });
    const { bytes } = await trusting.downloadMediaBytes(`${other.url}/media/1`);
    assert.equal(bytes.toString(), `Bearer ${token}`);
  } finally {
    await other.close();
  }
});

test('delete', async () => {
  await client.deleteMedia('1037543291543636');
  const request = server.requests.at(-1);
  assert.equal(request?.method, 'DELETE');
  assert.equal(request?.path, '/v24.0/1037543291543636');
  assert.equal(request?.headers.authorization, `Bearer ${token}`);
});

test('an unknown media id is a GraphApiError 100', async () => {
  await assert.rejects(client.getMedia('unknown-media'), (error: unknown) => error instanceof GraphApiError && error.code === 100 && error.class === 'terminal');
});
