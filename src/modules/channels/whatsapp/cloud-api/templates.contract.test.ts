/** Contract: template management (reference §5) and phone number info (§6). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CloudApiClient, GraphTransport, mpsForThroughputLevel, type TemplateDefinition } from './index';
import { startCaptureServer, type CaptureServer, type CapturedRequest, type CannedAnswer } from './testing/graph-capture-server';

const token = 'EAAJB-templates-test-token';
const wabaId = '102290129340398';
const phoneNumberId = '106540352242922';

const approved = (id: string, name: string) => ({
  name, parameter_format: 'POSITIONAL', language: 'en_US', status: 'APPROVED', category: 'MARKETING', id,
  components: [{ type: 'BODY', text: 'Hi {{1}}', example: { body_text: [['Pablo']] } }],
});

let phoneNumberAnswer: unknown = {};
let server: CaptureServer;
let transport: GraphTransport;

function answer(request: CapturedRequest): CannedAnswer {
  const url = new URL(request.path, 'http://graph');
  if (url.pathname.endsWith('/message_templates') && request.method === 'GET') {
    if (url.searchParams.get('after') === 'MQZDZD') return { status: 200, json: { data: [approved('3', 'third')], paging: { cursors: { before: 'MgZDZD', after: 'MgZDZD' } } } };
    return { status: 200, json: {
      data: [approved('1', 'first'), approved('2', 'second')],
      paging: { cursors: { before: 'MAZDZD', after: 'MQZDZD' }, next: `https://graph.facebook.com/v24.0/${wabaId}/message_templates?after=MQZDZD` } } };
  }
  if (url.pathname.endsWith('/message_templates') && request.method === 'POST') return { status: 200, json: { id: '594425479261596', status: 'PENDING', category: 'MARKETING' } };
  if (request.method === 'DELETE') return { status: 200, json: { success: true } };
  if (url.pathname.endsWith(`/${phoneNumberId}`)) return { status: 200, json: phoneNumberAnswer };
  return { status: 404, text: 'no route' };
}

function client(apiVersion = 'v24.0'): CloudApiClient {
  return new CloudApiClient({ baseUrl: server.url, apiVersion, accessToken: token, phoneNumberId, wabaId, transport });
}

before(async () => {
  server = await startCaptureServer(answer);
  transport = new GraphTransport({ policy: { allowPrivate: true } });
});

after(async () => {
  await transport.close();
  await server.close();
});

test('create posts the definition unchanged', async () => {
  const definition: TemplateDefinition = {
    name: 'seasonal_promotion', language: 'en_US', category: 'MARKETING', parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Our {{1}} is on!', example: { header_text: ['Summer Sale'] } },
      { type: 'BODY', text: 'Shop now through {{1}} and use code {{2}} to get {{3}} off.',
        example: { body_text: [['the end of August', '25OFF', '25%']] } },
      { type: 'FOOTER', text: 'Use the buttons below to manage your marketing subscriptions' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Unsubscribe from Promos' },
        { type: 'URL', text: 'Shop', url: 'https://x.com/shop?promo={{1}}', example: ['summer2023'] }] }],
  };
  const created = await client().createTemplate(definition);
  assert.deepStrictEqual(created, { id: '594425479261596', status: 'PENDING', category: 'MARKETING' });
  const request = server.requests.at(-1);
  assert.equal(request?.method, 'POST');
  assert.equal(request?.path, `/v24.0/${wabaId}/message_templates`);
  assert.equal(request?.headers.authorization, `Bearer ${token}`);
  assert.equal(request?.headers['content-type'], 'application/json');
  assert.deepStrictEqual(JSON.parse(request?.rawBody.toString() ?? ''), {
    name: 'seasonal_promotion', language: 'en_US', category: 'MARKETING', parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Our {{1}} is on!', example: { header_text: ['Summer Sale'] } },
      { type: 'BODY', text: 'Shop now through {{1}} and use code {{2}} to get {{3}} off.',
        example: { body_text: [['the end of August', '25OFF', '25%']] } },
      { type: 'FOOTER', text: 'Use the buttons below to manage your marketing subscriptions' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Unsubscribe from Promos' },
        { type: 'URL', text: 'Shop', url: 'https://x.com/shop?promo={{1}}', example: ['summer2023'] }] }],
  });
});

test('list pages with the after cursor until Graph stops sending paging.next', async () => {
  const first = await client().listTemplates({ limit: 2, status: 'APPROVED' });
  assert.deepStrictEqual(first.data.map((template) => template.name), ['first', 'second']);
  assert.equal(first.nextCursor, 'MQZDZD');
  const request = new URL(server.requests.at(-1)?.path ?? '', 'http://graph');
  assert.equal(request.pathname, `/v24.0/${wabaId}/message_templates`);
  assert.equal(request.searchParams.get('limit'), '2');
  assert.equal(request.searchParams.get('status'), 'APPROVED');
  assert.match(request.searchParams.get('fields') ?? '', /components/);

  const second = await client().listTemplates({ limit: 2, after: first.nextCursor ?? '' });
  assert.deepStrictEqual(second.data, [approved('3', 'third')]);
  assert.equal(second.nextCursor, null);

  const all = [];
  for await (const template of client().listAllTemplates()) all.push(template.id);
  assert.deepStrictEqual(all, ['1', '2', '3']);
});

test('delete by name, or one translation by hsm_id and name', async () => {
  await client().deleteTemplate({ name: 'seasonal_promotion' });
  assert.equal(server.requests.at(-1)?.method, 'DELETE');
  assert.equal(server.requests.at(-1)?.path, `/v24.0/${wabaId}/message_templates?name=seasonal_promotion`);
  await client().deleteTemplate({ name: 'seasonal_promotion', hsmId: '594425479261596' });
  assert.equal(server.requests.at(-1)?.path, `/v24.0/${wabaId}/message_templates?hsm_id=594425479261596&name=seasonal_promotion`);
});

test('phone number info (v24): quality, throughput level → mps, messaging limit', async () => {
  phoneNumberAnswer = {
    verified_name: 'Lucky Shrub', display_phone_number: '15550783881', quality_rating: 'GREEN', status: 'CONNECTED',
    throughput: { level: 'HIGH' }, whatsapp_business_manager_messaging_limit: 'TIER_10K', id: phoneNumberId,
  };
  assert.deepStrictEqual(await client().getPhoneNumberInfo(), {
    id: phoneNumberId, displayPhoneNumber: '15550783881', verifiedName: 'Lucky Shrub', qualityRating: 'GREEN', status: 'CONNECTED',
    throughputLevel: 'HIGH', throughputMps: 1000, messagingLimit: 'TIER_10K',
  });
  const request = new URL(server.requests.at(-1)?.path ?? '', 'http://graph');
  assert.equal(request.pathname, `/v24.0/${phoneNumberId}`);
  assert.deepStrictEqual(request.searchParams.get('fields')?.split(','),
    ['id', 'display_phone_number', 'verified_name', 'quality_rating', 'status', 'throughput', 'whatsapp_business_manager_messaging_limit']);
});

test('phone number info (v23) asks for and reads the legacy messaging_limit_tier', async () => {
  phoneNumberAnswer = { display_phone_number: '15550783881', quality_rating: 'YELLOW', throughput: { level: 'STANDARD' }, messaging_limit_tier: 'TIER_1K', id: phoneNumberId };
  const info = await client('v23.0').getPhoneNumberInfo();
  assert.equal(info.messagingLimit, 'TIER_1K');
  assert.equal(info.throughputMps, 80);
  assert.equal(info.verifiedName, null);
  assert.match(server.requests.at(-1)?.path ?? '', /fields=.*messaging_limit_tier/);
  assert.ok(server.requests.at(-1)?.path.startsWith(`/v23.0/${phoneNumberId}?`));
});

test('throughput levels map to messages per second', () => {
  assert.equal(mpsForThroughputLevel('STANDARD'), 80);
  assert.equal(mpsForThroughputLevel('HIGH'), 1000);
  assert.equal(mpsForThroughputLevel('NOT_APPLICABLE'), 80);
  assert.equal(mpsForThroughputLevel(null), 80);
});
