import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../test-support/test-app';

// Connecting a channel sends its bearer token to the Graph base URL the owner names, so that URL
// goes through the outbound-address guard: loopback, link-local and every disguise of them are
// refused before any connection, with one answer that says nothing about what is listening there.

let strict: TestApp;
let lenient: TestApp;
const received: { url: string; authorization: string | undefined }[] = [];
let internal: ReturnType<typeof createServer>;
let internalPort: number;

function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ server: ReturnType<typeof createServer>; port: number }> {
  const server = createServer((request, response) => {
    received.push({ url: request.url ?? '', authorization: request.headers.authorization });
    handler(request, response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

before(async () => {
  strict = await startTestApp({ OUTBOUND_ALLOW_PRIVATE_URLS: 'false' });
  lenient = await startTestApp();
  ({ server: internal, port: internalPort } = await listen((_request, response) => response.end(JSON.stringify({ id: '1', throughput: { level: 'STANDARD' } }))));
});
after(async () => {
  internal.closeAllConnections();
  internal.close();
  await strict.close();
  await lenient.close();
});

let counter = 0;
const connectBody = (graphApiBaseUrl: string) => {
  counter += 1;
  return {
    phoneNumberId: `1065403522${5000 + counter}`,
    wabaId: `1022901293${5000 + counter}`,
    displayPhoneNumber: '15550783000',
    accessToken: 'EAAJB-a-real-looking-token',
    appSecret: 'app-secret-0123456789',
    verifyToken: `verify-ssrf-${counter}`,
    graphApiBaseUrl,
  };
};

test('loopback, link-local, IPv6 disguises, decimal and octal forms and a name resolving to 127.0.0.1 are refused alike; the token goes nowhere', async () => {
  const owner = await strict.signUp();
  const closed = await listen(() => undefined);
  closed.server.close();
  const urls = [
    `http://127.0.0.1:${internalPort}`, // open port
    `http://127.0.0.1:${closed.port}`, // closed port
    'http://169.254.169.254', // cloud metadata
    `http://[::127.0.0.1]:${internalPort}`,
    `http://[::ffff:127.0.0.1]:${internalPort}`,
    `http://[::1]:${internalPort}`,
    `http://2130706433:${internalPort}`, // decimal
    `http://0177.0.0.1:${internalPort}`, // octal
    `http://localhost:${internalPort}`,
    'https://no-such-host.invalid', // unresolvable
    `http://user:pass@127.0.0.1:${internalPort}`,
  ];
  const answers = new Set<string>();
  for (const url of urls) {
    const response = await owner.client.post('/api/v1/channels/whatsapp', connectBody(url));
    assert.equal(response.status, 422, url);
    answers.add(JSON.stringify(response.body));
  }
  assert.deepEqual([...answers], [JSON.stringify({ error: { code: 'url_not_allowed', message: 'We could not reach that address. Use a public https address.' } })]);
  assert.deepEqual(received, [], 'no request, and so no token, reached the internal server');
  assert.deepEqual(((await owner.client.get('/api/v1/channels')).body as { data: unknown[] }).data, [], 'nothing connected');
});

test('a base URL that redirects into a private network is not followed', async () => {
  received.length = 0;
  const redirecting = await listen((_request, response) => {
    response.writeHead(302, { location: `http://127.0.0.1:${internalPort}/latest/meta-data/` });
    response.end();
  });
  try {
    // Private targets are allowed in this app (the redirecting server is on loopback too): even so,
    // the redirect is an answer, not a place to go.
    const owner = await lenient.signUp();
    const response = await owner.client.post('/api/v1/channels/whatsapp', connectBody(`http://127.0.0.1:${redirecting.port}`));
    assert.equal(response.status, 422);
    assert.equal((response.body as { error: { code: string } }).error.code, 'url_not_allowed');
    assert.equal(received.length, 1, 'only the redirecting server was called, never the place it pointed to');
    assert.match(received[0]!.url, /^\/v24\.0\/\d+/);
  } finally {
    redirecting.server.closeAllConnections();
    redirecting.server.close();
  }
});
