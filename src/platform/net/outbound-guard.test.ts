import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, platformErrorStatuses, type PlatformErrorCode } from '../http';
import { checkOutboundUrl, createGuardedAgent } from '.';
import { isPublicAddress } from './address-policy';

// The one outbound-URL guard: every form of a non-public address is refused with the same error,
// before any connection, and at connect time again (after DNS resolution).

const strict = { allowPrivate: false };
const refusedForms = [
  'http://127.0.0.1/',
  'http://127.1:8080/',
  'http://2130706433/', // decimal
  'http://0177.0.0.1/', // octal
  'http://0x7f000001/', // hexadecimal
  'http://169.254.169.254/latest/meta-data/', // link-local: cloud metadata
  'http://[::1]/',
  'http://[::127.0.0.1]/', // IPv4-compatible
  'http://[::ffff:127.0.0.1]/', // IPv4-mapped
  'http://[::ffff:a9fe:a9fe]/',
  'http://[fe80::1]/',
  'http://[fd12:3456::1]/',
  'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
  'http://0.0.0.0/',
  'http://10.0.0.1/',
  'http://100.64.0.1/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://224.0.0.1/',
  'http://localhost:3000/', // a name that resolves to 127.0.0.1
  'http://no-such-host.invalid/', // unresolvable: refused like a private one
  'ftp://93.184.215.14/',
  'https://user:secret@93.184.215.14/',
  'not a url',
];

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; statusCode: number }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    return { code: error.code, message: error.message, statusCode: platformErrorStatuses[error.code as PlatformErrorCode] };
  }
  assert.fail('not refused');
}

test('every non-public form of an address is refused with one generic error', async () => {
  const answers = new Set<string>();
  for (const url of refusedForms) answers.add(JSON.stringify(await refusal(checkOutboundUrl(url, strict))));
  assert.deepEqual([...answers], [JSON.stringify({ code: 'url_not_allowed', message: 'We could not reach that address. Use a public https address.', statusCode: 422 })]);
  assert.equal(await checkOutboundUrl('https://93.184.215.14/hook#frag', strict), 'https://93.184.215.14/hook', 'a public address passes, without its fragment');
  assert.equal(await checkOutboundUrl('http://localhost:3000/x', { allowPrivate: true }), 'http://localhost:3000/x', 'development and tests may allow private targets');
  for (const ip of ['8.8.8.8', '2606:4700::1111']) assert.ok(isPublicAddress(ip), ip);
});

async function listening(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number; hits: () => number }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits += 1;
    handler!(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits: () => hits };
}

test('the guarded agent refuses to connect to a private address, by literal or by a name resolved at connect time', async () => {
  const target = await listening((_request, response) => response.end('secret'));
  const agent = createGuardedAgent({ allowPrivate: false, connectTimeoutMs: 2_000 });
  try {
    for (const origin of [`http://127.0.0.1:${target.port}`, `http://localhost:${target.port}`, `http://[::ffff:127.0.0.1]:${target.port}`]) {
      await assert.rejects(agent.request({ origin, path: '/', method: 'GET' }), (error: { code?: string }) => error.code === 'ERR_ADDRESS_NOT_PUBLIC', origin);
    }
    assert.equal(target.hits(), 0, 'nothing reached the private server');
  } finally {
    await agent.close();
    target.server.close();
  }
});
