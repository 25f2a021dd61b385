/**
 * Contract: a failure before the request left is `not_sent` (retry freely); a failure after
 * it was written is `uncertain` (the send may have happened: do not resend blindly).
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { buildMessage, CloudApiClient, content, GraphNetworkError, GraphTransport } from './index';
import { acceptedSend, startCaptureServer, type CaptureServer, type CannedAnswer } from './testing/graph-capture-server';

let next: CannedAnswer | Promise<CannedAnswer> = { hang: true };
let server: CaptureServer;
/** Resolved by the server as each request arrives: tests wait on arrivals, never on sleeps. */
const arrivals: (() => void)[] = [];
function nextArrival(): Promise<void> {
  const arrived = new Promise<void>((resolve) => arrivals.push(resolve));
  let timer: NodeJS.Timeout | undefined;
  const tooLate = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the request never reached the server')), 10_000)));
  return Promise.race([arrived, tooLate]).finally(() => clearTimeout(timer));
}
let transport: GraphTransport;

const message = buildMessage('+16315551181', content.text('Hi'), { biz_opaque_callback_data: 'msg_1' });

/**
 * Deadlines are generous: a deadline meant to fire while the server hangs must not fire before
 * the request is even written, and one meant not to fire must not under a loaded CPU. Each is
 * still the only thing that ends its call.
 */
const HANG_DEADLINE_MS = 1_500;
const ANSWER_DEADLINE_MS = 15_000;

function clientFor(baseUrl: string, options: { timeoutMs?: number; transport?: GraphTransport } = {}): CloudApiClient {
  return new CloudApiClient({
    baseUrl, apiVersion: 'v24.0', accessToken: 'EAAJB-network', phoneNumberId: '106540352242922', wabaId: '1',
    timeoutMs: options.timeoutMs ?? ANSWER_DEADLINE_MS, transport: options.transport ?? transport,
  });
}

function isNetworkError(failure: string, outcome: string, safeToRetry: boolean) {
  return (error: unknown) => {
    assert.ok(error instanceof GraphNetworkError, String(error));
    assert.equal(error.failure, failure);
    assert.equal(error.outcome, outcome);
    assert.equal(error.class, 'retryable');
    assert.equal(error.safeToRetry, safeToRetry);
    return true;
  };
}

before(async () => {
  server = await startCaptureServer(() => {
    for (const arrived of arrivals.splice(0)) arrived();
    return next;
  });
  transport = new GraphTransport({ policy: { allowPrivate: true } });
});

after(async () => {
  await transport.close();
  await server.close();
});

test('no answer before the deadline after the request was sent: uncertain, not safe to resend', async () => {
  next = { hang: true };
  const arrived = nextArrival();
  await assert.rejects(clientFor(server.url, { timeoutMs: HANG_DEADLINE_MS }).sendMessage(message), isNetworkError('timeout', 'uncertain', false));
  await arrived; // the server did receive the send
});

test('the same timeout on a GET is safe to retry (idempotent)', async () => {
  next = { hang: true };
  await assert.rejects(clientFor(server.url, { timeoutMs: HANG_DEADLINE_MS }).getMedia('1037543291543636'), isNetworkError('timeout', 'uncertain', true));
});

test('the connection drops after the request was sent: uncertain', async () => {
  next = { destroy: true };
  await assert.rejects(clientFor(server.url).sendMessage(message), isNetworkError('connection_lost', 'uncertain', false));
});

test('connection refused: not sent, safe to retry', async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  await assert.rejects(clientFor(`http://127.0.0.1:${closedPort}`).sendMessage(message), isNetworkError('connect_failed', 'not_sent', true));
});

test('the deadline passes while waiting for a free connection: not sent, and it never is', async () => {
  const single = new GraphTransport({ connectionsPerOrigin: 1, policy: { allowPrivate: true } });
  try {
    // The one connection is held by a send the server answers only when the test says so, so
    // the second send's deadline can only pass while it waits for that connection.
    let release!: (answer: CannedAnswer) => void;
    next = new Promise<CannedAnswer>((resolve) => (release = resolve));
    const count = server.requests.length;
    const arrived = nextArrival();
    const blocking = clientFor(server.url, { transport: single }).sendMessage(message);
    await arrived;
    await assert.rejects(clientFor(server.url, { timeoutMs: 200, transport: single }).sendMessage(message), isNetworkError('cancelled_before_dispatch', 'not_sent', true));
    release(acceptedSend('+16315551181'));
    await blocking;
    next = acceptedSend('+16315551181');
    await clientFor(server.url, { transport: single }).sendMessage(message);
    // The blocking send and the last one reached the server; the cancelled one never did.
    assert.equal(server.requests.length, count + 2);
  } finally {
    await single.close();
  }
});
