/**
 * Contract: template sends (reference §2.4), mark-as-read and typing indicator (§3) put
 * Meta's exact bodies on the wire.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildMessage, CloudApiClient, GraphTransport, templateMessage as t, type OutboundMessage } from './index';
import { acceptedSend, startCaptureServer, type CaptureServer } from './testing/graph-capture-server';

const token = 'EAAJB-template-test-token';
const phoneNumberId = '106540352242922';

let server: CaptureServer;
let transport: GraphTransport;
let client: CloudApiClient;

before(async () => {
  server = await startCaptureServer((request) => {
    const body = JSON.parse(request.rawBody.toString()) as { to?: string; template?: { name: string } };
    if (body.to === undefined) return { status: 200, json: { success: true } };
    if (body.template?.name === 'paced_promo') {
      return { status: 200, json: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: '16315551181' }], messages: [{ id: 'wamid.paced', message_status: 'held_for_quality_assessment' }] } };
    }
    return acceptedSend(body.to);
  });
  transport = new GraphTransport({ policy: { allowPrivate: true } });
  client = new CloudApiClient({ baseUrl: server.url, apiVersion: 'v24.0', accessToken: token, phoneNumberId, wabaId: '102290129340398', transport });
});

after(async () => {
  await transport.close();
  await server.close();
});

async function sendAndCapture(message: OutboundMessage): Promise<unknown> {
  await client.sendMessage(message);
  const request = server.requests.at(-1);
  assert.ok(request);
  assert.equal(request.method, 'POST');
  assert.equal(request.path, `/v24.0/${phoneNumberId}/messages`);
  assert.equal(request.headers.authorization, `Bearer ${token}`);
  return JSON.parse(request.rawBody.toString('utf8'));
}

test('the reference example: image header, text/currency/date_time body, quick_reply, url and copy_code buttons', async () => {
  const message = buildMessage('16315551181', t.template('order_update', 'en_US', [
    t.headerImage({ id: '1037543291543636' }),
    t.body(
      t.textParam('Pablo'),
      t.currencyParam({ fallback_value: '$100.99', code: 'USD', amount_1000: 100990 }),
      t.dateTimeParam('February 25, 1977'),
    ),
    t.quickReplyButton('0', 'UNSUBSCRIBE_PROMOS'),
    t.urlButton('1', 'order/4821'),
    t.copyCodeButton(2, '25OFF'),
  ], { policy: 'deterministic' }));
  assert.deepStrictEqual(await sendAndCapture(message), {
    messaging_product: 'whatsapp',
    to: '16315551181',
    type: 'template',
    template: {
      name: 'order_update',
      language: { code: 'en_US', policy: 'deterministic' },
      components: [
        { type: 'header', parameters: [
          { type: 'image', image: { id: '1037543291543636' } }] },
        { type: 'body', parameters: [
          { type: 'text', text: 'Pablo' },
          { type: 'currency', currency: { fallback_value: '$100.99', code: 'USD', amount_1000: 100990 } },
          { type: 'date_time', date_time: { fallback_value: 'February 25, 1977' } }] },
        { type: 'button', sub_type: 'quick_reply', index: '0',
          parameters: [{ type: 'payload', payload: 'UNSUBSCRIBE_PROMOS' }] },
        { type: 'button', sub_type: 'url', index: '1',
          parameters: [{ type: 'text', text: 'order/4821' }] },
        { type: 'button', sub_type: 'copy_code', index: 2,
          parameters: [{ type: 'coupon_code', coupon_code: '25OFF' }] },
      ],
    },
  });
});

test('header variants: text, video by link, document with filename, location', async () => {
  const headers = [
    [t.header(t.textParam('Summer Sale')), { type: 'text', text: 'Summer Sale' }],
    [t.headerVideo({ link: 'https://example.com/promo.mp4' }), { type: 'video', video: { link: 'https://example.com/promo.mp4' } }],
    [t.headerDocument({ id: '1376223850470843', filename: 'receipt.pdf' }), { type: 'document', document: { id: '1376223850470843', filename: 'receipt.pdf' } }],
    [t.headerDocument({ link: 'https://example.com/receipt.pdf' }), { type: 'document', document: { link: 'https://example.com/receipt.pdf' } }],
    [t.headerLocation({ latitude: '37.483307', longitude: '122.148981', name: 'Pablo Morales', address: '1 Hacker Way, Menlo Park, CA 94025' }),
      { type: 'location', location: { latitude: '37.483307', longitude: '122.148981', name: 'Pablo Morales', address: '1 Hacker Way, Menlo Park, CA 94025' } }],
  ] as const;
  for (const [component, parameter] of headers) {
    const body = await sendAndCapture(buildMessage('16315551181', t.template('shipping_notice', 'en_US', [component, t.body(t.textParam('4821'))])));
    assert.deepStrictEqual(body, {
      messaging_product: 'whatsapp', to: '16315551181', type: 'template',
      template: { name: 'shipping_notice', language: { code: 'en_US' }, components: [
        { type: 'header', parameters: [parameter] },
        { type: 'body', parameters: [{ type: 'text', text: '4821' }] }] },
    });
  }
});

test('named parameters carry parameter_name', async () => {
  const message = buildMessage('16315551181', t.template('order_confirmation', 'en_US', [
    t.header(t.textParam('Pablo', 'first_name')),
    t.body(
      t.textParam('Pablo', 'first_name'),
      t.textParam('4821', 'order_number'),
      t.currencyParam({ fallback_value: '$10.50', code: 'USD', amount_1000: 10500 }, 'total'),
      t.dateTimeParam('March 3, 2026', 'delivery_date'),
    ),
  ]));
  assert.deepStrictEqual(await sendAndCapture(message), {
    messaging_product: 'whatsapp', to: '16315551181', type: 'template',
    template: { name: 'order_confirmation', language: { code: 'en_US' }, components: [
      { type: 'header', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Pablo' }] },
      { type: 'body', parameters: [
        { type: 'text', parameter_name: 'first_name', text: 'Pablo' },
        { type: 'text', parameter_name: 'order_number', text: '4821' },
        { type: 'currency', parameter_name: 'total', currency: { fallback_value: '$10.50', code: 'USD', amount_1000: 10500 } },
        { type: 'date_time', parameter_name: 'delivery_date', date_time: { fallback_value: 'March 3, 2026' } }] }] },
  });
});

test('flow button with action, as a reply with biz_opaque_callback_data', async () => {
  const message = buildMessage('16315551181', t.template('book_appointment', 'en_US', [
    t.flowButton('0', { flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.', flow_action_data: { product_name: 'name' } }),
  ]), { context: { message_id: 'wamid.quoted' }, biz_opaque_callback_data: 'msg_01JZ' });
  assert.deepStrictEqual(await sendAndCapture(message), {
    messaging_product: 'whatsapp', to: '16315551181', context: { message_id: 'wamid.quoted' }, biz_opaque_callback_data: 'msg_01JZ',
    type: 'template',
    template: { name: 'book_appointment', language: { code: 'en_US' }, components: [
      { type: 'button', sub_type: 'flow', index: '0',
        parameters: [{ type: 'action', action: { flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.', flow_action_data: { product_name: 'name' } } }] }] },
  });
});

test('a paced template returns its message_status', async () => {
  const result = await client.sendMessage(buildMessage('+16315551181', t.template('paced_promo', 'en_US')));
  assert.deepStrictEqual(result, { wamid: 'wamid.paced', waId: '16315551181', input: '+16315551181', messageStatus: 'held_for_quality_assessment' });
});

test('mark as read (§3)', async () => {
  await client.markAsRead('wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=');
  const request = server.requests.at(-1);
  assert.ok(request);
  assert.equal(request.method, 'POST');
  assert.equal(request.path, `/v24.0/${phoneNumberId}/messages`);
  assert.equal(request.headers['content-type'], 'application/json');
  assert.deepStrictEqual(JSON.parse(request.rawBody.toString()), {
    messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
  });
});

test('typing indicator (§3)', async () => {
  await client.sendTypingIndicator('wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=');
  const request = server.requests.at(-1);
  assert.ok(request);
  assert.equal(request.path, `/v24.0/${phoneNumberId}/messages`);
  assert.deepStrictEqual(JSON.parse(request.rawBody.toString()), {
    messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.HBgLMTY1MDUwNzY1MjAVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
    typing_indicator: { type: 'text' },
  });
});
