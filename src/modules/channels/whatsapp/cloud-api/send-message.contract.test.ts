/**
 * Contract: each builder + sendMessage puts Meta's exact body on the wire. Expected bodies
 * are literals transcribed from the reference (whatsapp-cloud-api.md §2.1–§2.3).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildMessage,
  CloudApiClient,
  content,
  GraphTransport,
  interactive,
  InvalidMessageError,
  type OutboundMessage,
} from './index';
import { acceptedSend, startCaptureServer, type CaptureServer } from './testing/graph-capture-server';

const token = 'EAAJB-contract-test-token';
const phoneNumberId = '106540352242922';
const to = '+16315551181';
const quoted = 'wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

let server: CaptureServer;
let transport: GraphTransport;
let client: CloudApiClient;

before(async () => {
  server = await startCaptureServer((request) => acceptedSend(JSON.parse(request.rawBody.toString()).to));
  transport = new GraphTransport({ policy: { allowPrivate: true } });
  client = new CloudApiClient({ baseUrl: server.url, apiVersion: 'v24.0', accessToken: token, phoneNumberId, wabaId: '102290129340398', transport });
});

after(async () => {
  await transport.close();
  await server.close();
});

/** Sends `message` and returns the parsed body the server received, after checking the request line and headers. */
async function sendAndCapture(message: OutboundMessage): Promise<unknown> {
  const before = server.requests.length;
  await client.sendMessage(message);
  const request = server.requests[before];
  assert.ok(request, 'the server received the request');
  assert.equal(request.method, 'POST');
  assert.equal(request.path, `/v24.0/${phoneNumberId}/messages`);
  assert.equal(request.headers.authorization, `Bearer ${token}`);
  assert.equal(request.headers['content-type'], 'application/json');
  return JSON.parse(request.rawBody.toString('utf8'));
}

describe('envelope (§2.1)', () => {
  test('text with recipient_type, context and biz_opaque_callback_data', async () => {
    const message = buildMessage(to, content.text('Hello', { preview_url: false }), {
      recipient_type: 'individual',
      context: { message_id: quoted },
      biz_opaque_callback_data: 'order:4821',
    });
    assert.deepStrictEqual(await sendAndCapture(message), {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+16315551181',
      context: { message_id: quoted },
      biz_opaque_callback_data: 'order:4821',
      type: 'text',
      text: { preview_url: false, body: 'Hello' },
    });
  });

  test('the result carries the wamid, wa_id and input', async () => {
    const result = await client.sendMessage(buildMessage(to, content.text('Hi')));
    assert.deepStrictEqual(result, { wamid: 'wamid.HBgLMTYzMTU1NTExODEVAgARGBJGNzM0RDhBQkRBODk1RTZDRjkA', waId: '16315551181', input: to });
  });

  test('an invalid message is refused before any request', async () => {
    const count = server.requests.length;
    const invalid = { ...buildMessage(to, content.text('Hi')), text: { body: 'Hi', previewUrl: true } } as unknown as OutboundMessage;
    await assert.rejects(client.sendMessage(invalid), (error: unknown) => {
      assert.ok(error instanceof InvalidMessageError);
      assert.equal(error.outcome, 'not_sent');
      assert.equal(error.class, 'terminal');
      assert.match(error.message, /previewUrl/);
      return true;
    });
    const reactionReply = buildMessage(to, content.reaction(quoted, '👍'), { context: { message_id: quoted } });
    await assert.rejects(client.sendMessage(reactionReply), InvalidMessageError);
    assert.equal(server.requests.length, count);
  });
});

describe('per-type objects (§2.2)', () => {
  const envelope = { messaging_product: 'whatsapp', to: '+16315551181' };
  const cases: [string, OutboundMessage, Record<string, unknown>][] = [
    ['text with preview_url', buildMessage(to, content.text('See https://example.com', { preview_url: true })),
      { type: 'text', text: { preview_url: true, body: 'See https://example.com' } }],
    ['image by id with caption', buildMessage(to, content.image({ id: '1037543291543636', caption: 'The new model' })),
      { type: 'image', image: { id: '1037543291543636', caption: 'The new model' } }],
    ['image by link', buildMessage(to, content.image({ link: 'https://example.com/shoe.jpg' })),
      { type: 'image', image: { link: 'https://example.com/shoe.jpg' } }],
    ['video by link with caption', buildMessage(to, content.video({ link: 'https://example.com/clip.mp4', caption: 'Watch' })),
      { type: 'video', video: { link: 'https://example.com/clip.mp4', caption: 'Watch' } }],
    ['voice note by id', buildMessage(to, content.audio({ id: '1013859600285441', voice: true })),
      { type: 'audio', audio: { id: '1013859600285441', voice: true } }],
    ['audio by link', buildMessage(to, content.audio({ link: 'https://example.com/jingle.mp3' })),
      { type: 'audio', audio: { link: 'https://example.com/jingle.mp3' } }],
    ['document with filename', buildMessage(to, content.document({ link: 'https://example.com/invoice.pdf', caption: 'Your invoice', filename: 'invoice.pdf' })),
      { type: 'document', document: { link: 'https://example.com/invoice.pdf', caption: 'Your invoice', filename: 'invoice.pdf' } }],
    ['document by id', buildMessage(to, content.document({ id: '1376223850470843', filename: 'contract.pdf' })),
      { type: 'document', document: { id: '1376223850470843', filename: 'contract.pdf' } }],
    ['sticker by id', buildMessage(to, content.sticker({ id: '798882015472548' })),
      { type: 'sticker', sticker: { id: '798882015472548' } }],
    ['sticker by link', buildMessage(to, content.sticker({ link: 'https://example.com/wave.webp' })),
      { type: 'sticker', sticker: { link: 'https://example.com/wave.webp' } }],
    ['location with strings', buildMessage(to, content.location({ latitude: '37.44', longitude: '-122.16', name: 'Philz Coffee', address: '101 Forest Ave, Palo Alto, CA 94301' })),
      { type: 'location', location: { latitude: '37.44', longitude: '-122.16', name: 'Philz Coffee', address: '101 Forest Ave, Palo Alto, CA 94301' } }],
    ['location with numbers', buildMessage(to, content.location({ latitude: 37.44, longitude: -122.16 })),
      { type: 'location', location: { latitude: 37.44, longitude: -122.16 } }],
    ['reaction', buildMessage(to, content.reaction(quoted, '\uD83D\uDE00')),
      { type: 'reaction', reaction: { message_id: quoted, emoji: '\uD83D\uDE00' } }],
    ['reaction removal', buildMessage(to, content.removeReaction(quoted)),
      { type: 'reaction', reaction: { message_id: quoted, emoji: '' } }],
  ];
  for (const [name, message, expected] of cases) {
    test(name, async () => {
      assert.deepStrictEqual(await sendAndCapture(message), { ...envelope, ...expected });
    });
  }

  test('contacts', async () => {
    const card = {
      name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara' },
      phones: [{ phone: '+1 (940) 555-1234', type: 'CELL', wa_id: '19405551234' }],
      emails: [{ email: 'bjohnson@luckyshrub.com', type: 'WORK' }],
      addresses: [{ street: '1 Lucky Shrub Way', city: 'Menlo Park', state: 'CA', zip: '94025', country: 'United States', country_code: 'US', type: 'WORK' }],
      org: { company: 'Lucky Shrub', department: 'Legal', title: 'Lead Counsel' },
      urls: [{ url: 'https://www.luckyshrub.com', type: 'WORK' }],
      birthday: '1999-01-23',
    };
    assert.deepStrictEqual(await sendAndCapture(buildMessage(to, content.contacts([card]))), { ...envelope, type: 'contacts', contacts: [card] });
  });
});

describe('interactive (§2.3)', () => {
  test('reply buttons', async () => {
    const message = buildMessage(to, interactive.replyButtons({
      header: { type: 'image', image: { id: '2762702990552401' } },
      body: 'Your workshop is at 9am tomorrow.',
      footer: 'Lucky Shrub',
      buttons: [{ id: 'change-button', title: 'Change' }, { id: 'cancel-button', title: 'Cancel' }],
    }));
    assert.deepStrictEqual(await sendAndCapture(message), {
      messaging_product: 'whatsapp', to: '+16315551181', type: 'interactive', interactive: {
        type: 'button',
        header: { type: 'image', image: { id: '2762702990552401' } },
        body: { text: 'Your workshop is at 9am tomorrow.' },
        footer: { text: 'Lucky Shrub' },
        action: { buttons: [
          { type: 'reply', reply: { id: 'change-button', title: 'Change' } },
          { type: 'reply', reply: { id: 'cancel-button', title: 'Cancel' } }] },
      },
    });
  });

  test('list', async () => {
    const message = buildMessage(to, interactive.list({
      header: { type: 'text', text: 'Choose Shipping Option' },
      body: 'Which shipping option do you prefer?',
      footer: 'Lucky Shrub',
      button: 'Shipping Options',
      sections: [{ title: 'I want it ASAP!', rows: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] }],
    }));
    assert.deepStrictEqual(await sendAndCapture(message), {
      messaging_product: 'whatsapp', to: '+16315551181', type: 'interactive', interactive: {
        type: 'list',
        header: { type: 'text', text: 'Choose Shipping Option' },
        body: { text: 'Which shipping option do you prefer?' },
        footer: { text: 'Lucky Shrub' },
        action: { button: 'Shipping Options',
          sections: [{ title: 'I want it ASAP!',
            rows: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] }] },
      },
    });
  });

  test('cta_url', async () => {
    const message = buildMessage(to, interactive.ctaUrl({
      header: { type: 'image', image: { link: 'https://example.com/banner.png' } },
      body: 'Tap the button below to see available dates.',
      footer: 'Dates subject to change.',
      display_text: 'See Dates',
      url: 'https://example.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4',
    }));
    assert.deepStrictEqual(await sendAndCapture(message), {
      messaging_product: 'whatsapp', to: '+16315551181', type: 'interactive', interactive: {
        type: 'cta_url',
        header: { type: 'image', image: { link: 'https://example.com/banner.png' } },
        body: { text: 'Tap the button below to see available dates.' },
        action: { name: 'cta_url', parameters: { display_text: 'See Dates', url: 'https://example.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4' } },
        footer: { text: 'Dates subject to change.' },
      },
    });
  });

  test('flow', async () => {
    const parameters = {
      flow_message_version: '3' as const,
      flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
      flow_id: '123456',
      flow_cta: 'Book!',
      mode: 'published' as const,
      flow_action: 'navigate' as const,
      flow_action_payload: { screen: 'APPOINTMENT', data: { product_name: 'name' } },
    };
    const message = buildMessage(to, interactive.flow({ header: { type: 'text', text: 'Book' }, body: 'Book an appointment', footer: 'Lucky Shrub', parameters }));
    assert.deepStrictEqual(await sendAndCapture(message), {
      messaging_product: 'whatsapp', to: '+16315551181', type: 'interactive', interactive: {
        type: 'flow',
        header: { type: 'text', text: 'Book' }, body: { text: 'Book an appointment' }, footer: { text: 'Lucky Shrub' },
        action: { name: 'flow', parameters: {
          flow_message_version: '3',
          flow_token: 'AQAAAAACS5FpgQ_cAAAAAD0QI3s.',
          flow_id: '123456',
          flow_cta: 'Book!',
          mode: 'published',
          flow_action: 'navigate',
          flow_action_payload: { screen: 'APPOINTMENT', data: { product_name: 'name' } } } },
      },
    });
  });
});
