/**
 * Integration: the client against the project's Cloud API simulator over real HTTP. Every
 * message type goes through it and `/_sim/sent` must hold exactly the body we sent.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { createSimulator } from '../../../../../simulator';
import {
  buildMessage,
  CloudApiClient,
  content,
  GraphApiError,
  GraphTransport,
  interactive,
  templateMessage as t,
  type OutboundMessage,
  type SendResult,
} from './index';
import { startCaptureServer, type CaptureServer } from './testing/graph-capture-server';

type Simulator = Awaited<ReturnType<typeof createSimulator>>;

const number = { phoneNumberId: '106540352242922', wabaId: '102290129340398', displayPhoneNumber: '+1 555-078-3881', accessToken: 'EAAsim-client-token', appSecret: 'sim-app-secret' };
const customer = '16315551181';

let sim: Simulator;
let webhookSink: CaptureServer;
let transport: GraphTransport;
let client: CloudApiClient;
let inboundWamid: string;

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test inspection
  const response = await fetch(sim.url + path, {
    method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

before(async () => {
  webhookSink = await startCaptureServer(() => ({ status: 200, text: '' }));
  sim = await createSimulator({ port: 0, seed: 7, templateReviewMs: 20, statusDelaysMs: { sent: 5, delivered: 10, read: 15, played: 20 } });
  const registered = await control('POST', '/_sim/numbers', { ...number, webhookUrl: webhookSink.url, customers: [{ waId: customer, name: 'Kerry Fisher' }] });
  assert.equal(registered.status, 201, JSON.stringify(registered.json));
  // The customer writes first, so the 24-hour window is open for free-form messages.
  const inbound = await control('POST', '/_sim/inbound', { phoneNumberId: number.phoneNumberId, from: customer, type: 'text', text: { body: 'Hello!' } });
  inboundWamid = inbound.json.wamid;
  transport = new GraphTransport({ policy: { allowPrivate: true } });
  client = new CloudApiClient({ baseUrl: sim.url, apiVersion: 'v24.0', accessToken: number.accessToken, phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, transport });
});

after(async () => {
  await transport.close();
  await sim.close();
  await webhookSink.close();
});

async function upload(mimeType: string, filename: string, bytes = Buffer.from(`${filename} bytes`)): Promise<string> {
  return (await client.uploadMedia({ data: bytes, mimeType, filename })).id;
}

async function waitForApproval(name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const page = await client.listTemplates({ name });
    if (page.data.some((template) => template.name === name && template.status === 'APPROVED')) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail(`template ${name} was never approved`);
}

test('every message type is accepted and recorded with exactly the body we sent', async () => {
  const [imageId, voiceId, videoId, stickerId, documentId] = await Promise.all([
    upload('image/jpeg', 'shoe.jpg'), upload('audio/ogg', 'note.ogg'), upload('video/mp4', 'clip.mp4'),
    upload('image/webp', 'wave.webp'), upload('application/pdf', 'invoice.pdf'),
  ]);
  await client.createTemplate({
    name: 'order_update', language: 'en_US', category: 'UTILITY', parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
      { type: 'BODY', text: 'Hi {{1}}, your total is {{2}}, delivered on {{3}}.', example: { body_text: [['Pablo', '$100.99', 'Feb 25']] } },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop updates' }, { type: 'URL', text: 'Track', url: 'https://example.com/track/{{1}}', example: ['4821'] }] },
    ],
  });
  await client.createTemplate({
    name: 'shipping_named', language: 'en_US', category: 'UTILITY', parameter_format: 'NAMED',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Hello {{first_name}}', example: { header_text_named_params: [{ param_name: 'first_name', example: 'Pablo' }] } },
      { type: 'BODY', text: 'Order {{order_id}} ships today.', example: { body_text_named_params: [{ param_name: 'order_id', example: '4821' }] } },
    ],
  });
  await Promise.all([waitForApproval('order_update'), waitForApproval('shipping_named')]);

  const messages: OutboundMessage[] = [
    buildMessage(`+${customer}`, content.text('Hello https://example.com', { preview_url: true }), { context: { message_id: inboundWamid }, biz_opaque_callback_data: 'msg_text' }),
    buildMessage(customer, content.image({ id: imageId, caption: 'The new model' }), { biz_opaque_callback_data: 'msg_image' }),
    buildMessage(customer, content.image({ link: 'https://example.com/shoe.jpg' })),
    buildMessage(customer, content.audio({ id: voiceId, voice: true })),
    buildMessage(customer, content.video({ id: videoId, caption: 'Watch' })),
    buildMessage(customer, content.document({ id: documentId, caption: 'Your invoice', filename: 'invoice.pdf' })),
    buildMessage(customer, content.sticker({ id: stickerId })),
    buildMessage(customer, content.location({ latitude: '37.44', longitude: '-122.16', name: 'Philz Coffee', address: '101 Forest Ave' })),
    buildMessage(customer, content.contacts([{ name: { formatted_name: 'Barbara Johnson', first_name: 'Barbara' }, phones: [{ phone: '+1 940 555 1234', type: 'CELL', wa_id: '19405551234' }] }])),
    buildMessage(customer, interactive.replyButtons({ body: 'Your workshop is at 9am.', footer: 'Lucky Shrub', buttons: [{ id: 'change', title: 'Change' }, { id: 'cancel', title: 'Cancel' }] })),
    buildMessage(customer, interactive.list({ header: { type: 'text', text: 'Shipping' }, body: 'Which option?', button: 'Options',
      sections: [{ title: 'Fast', rows: [{ id: 'express', title: 'Express', description: 'Next day' }] }] })),
    buildMessage(customer, interactive.ctaUrl({ body: 'See dates', display_text: 'See Dates', url: 'https://example.com/dates' })),
    buildMessage(customer, interactive.flow({ body: 'Book an appointment', parameters: { flow_message_version: '3', flow_token: 'tok', flow_id: '123456', flow_cta: 'Book!' } })),
    buildMessage(customer, content.reaction(inboundWamid, '👍')),
    buildMessage(customer, content.removeReaction(inboundWamid)),
    buildMessage(customer, t.template('order_update', 'en_US', [
      t.headerImage({ id: imageId }),
      t.body(t.textParam('Pablo'), t.currencyParam({ fallback_value: '$100.99', code: 'USD', amount_1000: 100990 }), t.dateTimeParam('February 25, 1977')),
      t.quickReplyButton('0', 'STOP_UPDATES'),
      t.urlButton(1, '4821'),
    ]), { biz_opaque_callback_data: 'msg_template' }),
    buildMessage(customer, t.template('shipping_named', 'en_US', [t.header(t.textParam('Pablo', 'first_name')), t.body(t.textParam('4821', 'order_id'))])),
  ];

  const results: SendResult[] = [];
  for (const message of messages) results.push(await client.sendMessage(message));
  for (const result of results) assert.equal(result.waId, customer);

  const { json } = await control('GET', `/_sim/sent?phoneNumberId=${number.phoneNumberId}`);
  const sent = json.sent as { wamid: string; body: unknown }[];
  assert.equal(sent.length, messages.length);
  messages.forEach((message, i) => {
    const record = sent.find((s) => s.wamid === results[i]?.wamid);
    assert.ok(record, `send ${i} (${message.type}) was recorded`);
    assert.deepStrictEqual(record.body, message, `send ${i} (${message.type})`);
  });
});

test('mark as read and the typing indicator', async () => {
  const later = (await control('POST', '/_sim/inbound', { phoneNumberId: number.phoneNumberId, from: customer, type: 'text', text: { body: 'Still there?' } })).json.wamid as string;
  const chats = sim.engine.requireNumber(number.phoneNumberId).chats;
  const readByBusiness = () => [inboundWamid, later].map((wamid) => chats.find(wamid)?.item.readByBusiness === true);
  assert.deepEqual(readByBusiness(), [false, false]);

  await client.markAsRead(inboundWamid);
  assert.deepEqual(readByBusiness(), [true, false], 'the read receipt turns the message blue, not a later one');
  // The simulator refuses a typing indicator not shaped as Meta's ({"type": "text"}); this one
  // is accepted and, as on Meta, also marks its message read.
  await client.sendTypingIndicator(later);
  assert.deepEqual(readByBusiness(), [true, true]);

  await assert.rejects(client.markAsRead('wamid.not-an-inbound-message'), (error: unknown) => error instanceof GraphApiError && error.code === 131009);
});

test('media: upload, retrieve, download with sha256 check, delete', async () => {
  const bytes = Buffer.from('\x89PNG\r\n\x1a\nnot-really-a-png');
  const id = await upload('image/png', 'logo.png', bytes);
  const media = await client.getMedia(id);
  assert.equal(media.mimeType, 'image/png');
  assert.equal(media.fileSize, bytes.length);
  assert.equal(media.sha256, createHash('sha256').update(bytes).digest('hex'));
  const downloaded = await client.downloadMediaBytes(media.url, { expectedSha256: media.sha256 });
  assert.deepStrictEqual(downloaded.bytes, bytes);
  await client.deleteMedia(id);
  await assert.rejects(client.getMedia(id), GraphApiError);
});

test('templates list with paging', async () => {
  const first = await client.listTemplates({ limit: 1 });
  assert.equal(first.data.length, 1);
  assert.ok(first.nextCursor);
  const names: string[] = [];
  for await (const template of client.listAllTemplates({ limit: 1 })) names.push(template.name);
  assert.deepStrictEqual(names.sort(), ['order_update', 'shipping_named']);
  await client.deleteTemplate({ name: 'shipping_named' });
  assert.deepStrictEqual((await client.listTemplates()).data.map((template) => template.name), ['order_update']);
});

test('phone number info follows the throughput the simulator sets', async () => {
  const info = await client.getPhoneNumberInfo();
  assert.equal(info.id, number.phoneNumberId);
  assert.equal(info.throughputLevel, 'STANDARD');
  assert.equal(info.throughputMps, 80);
  assert.ok(info.messagingLimit);
  await control('PATCH', `/_sim/numbers/${number.phoneNumberId}`, { throughputMps: 1000 });
  assert.equal((await client.getPhoneNumberInfo()).throughputMps, 1000);
});

test('a bad token is a 190: auth_failed, reconnect the channel', async () => {
  const stranger = new CloudApiClient({ baseUrl: sim.url, apiVersion: 'v24.0', accessToken: 'EAAwrong-token', phoneNumberId: number.phoneNumberId, wabaId: number.wabaId, transport });
  await assert.rejects(stranger.sendMessage(buildMessage(customer, content.text('Hi'))), (error: unknown) => {
    assert.ok(error instanceof GraphApiError);
    assert.equal(error.code, 190);
    assert.equal(error.httpStatus, 401);
    assert.equal(error.class, 'auth_failed');
    assert.equal(error.hint, 'The access token expired or is invalid: reconnect the channel');
    assert.ok(!error.message.includes('EAAwrong-token'));
    return true;
  });
});

test('an armed fault comes back as the classified Graph error', async () => {
  await control('POST', '/_sim/faults', { phoneNumberId: number.phoneNumberId, code: 131056, count: 1, delivery: 'sync' });
  await assert.rejects(client.sendMessage(buildMessage(customer, content.text('Again'))), (error: unknown) =>
    error instanceof GraphApiError && error.code === 131056 && error.class === 'retryable' && error.retry?.scope === 'recipient' && error.safeToRetry);
});
