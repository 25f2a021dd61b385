/** Contract: how Graph error answers, bad answers and network failures surface to callers. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  buildMessage,
  classifyGraphError,
  CloudApiClient,
  content,
  GraphApiError,
  GraphHttpError,
  GraphTransport,
  UnexpectedGraphResponseError,
} from './index';
import { graphError, startCaptureServer, type CaptureServer, type CannedAnswer } from './testing/graph-capture-server';

/** §11 codes with the HTTP status Meta's table gives them (400 where the table has none). */
const httpStatusByCode: [number, number][] = [
  [0, 401], [1, 400], [2, 503], [3, 500], [4, 400], [10, 403], [33, 400], [100, 400], [190, 401], [200, 403], [299, 403],
  [368, 403], [80007, 400], [130403, 400], [130429, 400], [130472, 400], [130497, 400], [131000, 500], [131005, 403],
  [131008, 400], [131009, 400], [131016, 500], [131021, 400], [131026, 400], [131030, 400], [131031, 403], [131037, 400],
  [131042, 400], [131045, 500], [131047, 400], [131048, 400], [131049, 400], [131050, 400], [131051, 400], [131052, 400],
  [131053, 400], [131056, 400], [131057, 500], [131063, 400], [131064, 400], [132000, 400], [132001, 404], [132005, 400],
  [132007, 400], [132012, 400], [132015, 400], [132016, 400], [132018, 400], [132068, 400], [132069, 400], [133000, 500],
  [133004, 503], [133005, 400], [133006, 400], [133008, 400], [133009, 400], [133010, 400], [133015, 400], [133016, 400],
  [134011, 400], [135000, 400], [137000, 400], [2388019, 400], [2388040, 400], [2388047, 400], [2388072, 400],
  [2388073, 400], [2388293, 400], [2388299, 400],
];

let next: CannedAnswer = { status: 500, text: '' };
let server: CaptureServer;
let transport: GraphTransport;
let client: CloudApiClient;
const send = () => client.sendMessage(buildMessage('+16315551181', content.text('Hi'), { biz_opaque_callback_data: 'msg_1' }));

before(async () => {
  server = await startCaptureServer(() => next);
  transport = new GraphTransport({ policy: { allowPrivate: true } });
  client = new CloudApiClient({ baseUrl: server.url, apiVersion: 'v24.0', accessToken: 'EAAJB-errors', phoneNumberId: '106540352242922', wabaId: '1', transport });
});

after(async () => {
  await transport.close();
  await server.close();
});

describe('every §11 code answered synchronously becomes a GraphApiError', () => {
  for (const [code, httpStatus] of httpStatusByCode) {
    test(`${code} (HTTP ${httpStatus})`, async () => {
      next = graphError(httpStatus, code, 'Title from Meta', `Details for ${code}`);
      const classification = classifyGraphError(code);
      await assert.rejects(send(), (error: unknown) => {
        assert.ok(error instanceof GraphApiError);
        assert.equal(error.httpStatus, httpStatus);
        assert.equal(error.code, code);
        assert.equal(error.title, 'Title from Meta');
        assert.equal(error.details, `Details for ${code}`);
        assert.equal(error.fbtraceId, 'Az8or2yhqkZfEZ-_4Qn_Bam');
        assert.equal(error.class, classification.class);
        assert.equal(error.hint, classification.hint);
        assert.equal(error.outcome, 'rejected');
        assert.equal(error.retryAfterMs, classification.retry?.delayMs(0));
        assert.equal(error.safeToRetry, classification.class === 'retryable');
        return true;
      });
    });
  }
});

test("Meta's own example (130429 with error_subcode) keeps every field", async () => {
  next = { status: 400, json: { error: {
    message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429,
    error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
    error_subcode: 2494055, fbtrace_id: 'Az8or2yhqkZfEZ-_4Qn_Bam' } } };
  await assert.rejects(send(), (error: unknown) => {
    assert.ok(error instanceof GraphApiError);
    assert.deepStrictEqual(
      { ...error.toJSON(), message: undefined },
      {
        name: 'GraphApiError', message: undefined, class: 'retryable', hint: classifyGraphError(130429).hint, outcome: 'rejected',
        method: 'POST', path: '/v24.0/106540352242922/messages', retryAfterMs: 1000, httpStatus: 400, code: 130429,
        subcode: 2494055, title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.', fbtraceId: 'Az8or2yhqkZfEZ-_4Qn_Bam',
      },
    );
    return true;
  });
});

describe('answers without a Graph error body', () => {
  test('a 5xx page is retryable and safe to retry', async () => {
    next = { status: 502, text: '<html>Bad Gateway</html>' };
    await assert.rejects(send(), (error: unknown) =>
      error instanceof GraphHttpError && error.httpStatus === 502 && error.class === 'retryable' && error.outcome === 'rejected' && error.safeToRetry);
  });

  test('a 504 may hide a send that happened: uncertain, not safe to resend', async () => {
    next = { status: 504, text: 'Gateway Timeout' };
    await assert.rejects(send(), (error: unknown) =>
      error instanceof GraphHttpError && error.class === 'retryable' && error.outcome === 'uncertain' && !error.safeToRetry);
  });

  test('a 401 without a body asks to reconnect', async () => {
    next = { status: 401, text: '' };
    await assert.rejects(send(), (error: unknown) => error instanceof GraphHttpError && error.class === 'auth_failed');
  });

  test('a 200 without a wamid is uncertain: the send happened but its id is unknown', async () => {
    next = { status: 200, json: { messaging_product: 'whatsapp', contacts: [], messages: [] } };
    await assert.rejects(send(), (error: unknown) =>
      error instanceof UnexpectedGraphResponseError && error.outcome === 'uncertain' && error.class === 'terminal' && /contacts/.test(error.message));
  });
});
