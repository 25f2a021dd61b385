/**
 * The access token goes in the Authorization header and nowhere else: not in URLs, not in
 * what a failed request throws (message, stack, JSON, inspection with causes), not in logs.
 */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, test } from 'node:test';
import { buildMessage, CloudApiClient, CloudApiError, content, GraphTransport } from './index';
import { startCaptureServer, type CaptureServer } from './testing/graph-capture-server';

const token = 'EAAGm0PX4ZCpsBAKsecret-token-that-must-not-leak';

let mode: 'echo' | 'hang' | 'destroy' = 'echo';
let server: CaptureServer;
let transport: GraphTransport;
const logLines: string[] = [];

/**
 * A call that must get the server's answer has a deadline no loaded CPU reaches (a timeout would
 * replace the 401 this file checks); only the call to the hanging server has a short one.
 */
const ANSWER_DEADLINE_MS = 15_000;
const HANG_DEADLINE_MS = 300;

function client(baseUrl = server.url, timeoutMs = ANSWER_DEADLINE_MS): CloudApiClient {
  return new CloudApiClient({
    baseUrl, apiVersion: 'v24.0', accessToken: token, phoneNumberId: '106540352242922', wabaId: '102290129340398', timeoutMs, transport,
    logger: { warn: (fields, message) => logLines.push(JSON.stringify({ ...fields, message })) },
  });
}

async function thrownBy(call: Promise<unknown>): Promise<CloudApiError> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof CloudApiError, String(error));
    return error;
  }
  assert.fail('the call should have failed');
}

function assertNoToken(error: CloudApiError): void {
  const renderings = [error.message, String(error.stack), JSON.stringify(error), inspect(error, { depth: null, showHidden: true }), error.hint];
  for (const rendering of renderings) assert.ok(!rendering.includes(token), `token leaked in: ${rendering}`);
}

before(async () => {
  // A hostile or buggy server that echoes the Authorization header back in its error.
  server = await startCaptureServer((request) => {
    const echoed = String(request.headers.authorization);
    if (mode === 'hang') return { hang: true };
    if (mode === 'destroy') return { destroy: true };
    return { status: 401, json: { error: { message: `Invalid OAuth access token: ${echoed}`, type: 'OAuthException', code: 190,
      error_data: { details: `token ${echoed.slice('Bearer '.length)} expired` }, fbtrace_id: 'AbC' } } };
  });
  transport = new GraphTransport({ policy: { allowPrivate: true } });
});

after(async () => {
  await transport.close();
  await server.close();
});

test('a 190 whose body echoes the token', async () => {
  mode = 'echo';
  const error = await thrownBy(client().sendMessage(buildMessage('+16315551181', content.text('Hi'))));
  assert.equal(error.class, 'auth_failed');
  assert.match(error.message, /\[redacted\]/);
  assertNoToken(error);
  const request = server.requests.at(-1);
  assert.equal(request?.headers.authorization, `Bearer ${token}`);
  assert.ok(!request?.path.includes(token), 'never in the URL');
});

test('timeouts, dropped connections and refused connections', async () => {
  mode = 'hang';
  // Whether the deadline passes before or after the request is written, neither error names the token.
  assertNoToken(await thrownBy(client(server.url, HANG_DEADLINE_MS).sendMessage(buildMessage('+16315551181', content.text('Hi')))));
  mode = 'destroy';
  assertNoToken(await thrownBy(client().getPhoneNumberInfo()));
  assertNoToken(await thrownBy(client('http://127.0.0.1:1').listTemplates()));
});

test('failed media downloads and template calls', async () => {
  mode = 'echo';
  assertNoToken(await thrownBy(client().downloadMediaBytes(`${server.url}/whatsapp_business/attachments/?mid=1`)));
  assertNoToken(await thrownBy(client().downloadMedia('https://attacker.example.com/x')));
  assertNoToken(await thrownBy(client().createTemplate({ name: 'x', language: 'en_US', category: 'UTILITY', components: [] })));
});

test('a malformed token (a line break in it) is refused before sending, without quoting it', async () => {
  const malformed = `${token}\r\nX-Injected: 1`;
  const instance = new CloudApiClient({ baseUrl: server.url, apiVersion: 'v24.0', accessToken: malformed, phoneNumberId: '1', wabaId: '1', transport });
  const count = server.requests.length;
  const error = await thrownBy(instance.sendMessage(buildMessage('+16315551181', content.text('Hi'))));
  assert.equal(error.outcome, 'not_sent');
  assert.equal(error.class, 'terminal');
  assertNoToken(error);
  // Only requests bearing the well-formed token ever arrive (the hang test's may arrive late).
  assert.deepEqual(server.requests.slice(count).filter((r) => r.headers.authorization !== `Bearer ${token}`), []);
});

test('the client object itself does not expose the token', () => {
  const instance = client();
  assert.ok(!inspect(instance, { depth: null, showHidden: true }).includes(token));
  assert.ok(!JSON.stringify(instance).includes(token));
});

test('log lines name the failure without the token', () => {
  assert.ok(logLines.length >= 6, `${logLines.length} failures logged`);
  for (const line of logLines) assert.ok(!line.includes(token), `token leaked in log: ${line}`);
  const logged = JSON.parse(logLines[0] ?? '{}') as Record<string, unknown>;
  assert.equal(logged.code, 190);
  assert.equal(logged.class, 'auth_failed');
  assert.equal(logged.path, '/v24.0/106540352242922/messages');
});
