import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postWebhook, UNREACHABLE } from './post-webhook';

async function listening(handler: (request: IncomingMessage, response: ServerResponse) => void) {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

test('at delivery time private targets are refused, by literal and by a name resolving to one, with one reason; slow receivers time out', async () => {
  const silent = await listening(() => undefined);
  const closedPort = await listening(() => undefined);
  await closedPort.close();
  try {
    for (const target of [`http://localhost:${silent.port}/x`, `http://127.0.0.1:${silent.port}/x`, `http://[::127.0.0.1]:${silent.port}/x`, `http://[::ffff:127.0.0.1]:${silent.port}/x`, `http://2130706433:${silent.port}/x`]) {
      const refused = await postWebhook(target, '{}', {}, { timeoutMs: 500, allowPrivate: false });
      assert.deepEqual([refused.statusCode, refused.error], [null, UNREACHABLE], target);
    }
    assert.deepEqual(silent.hits, [], 'nothing reached the private receiver');
    const closed = await postWebhook(`http://127.0.0.1:${closedPort.port}/x`, '{}', {}, { timeoutMs: 500, allowPrivate: true });
    assert.equal(closed.error, UNREACHABLE, 'a closed port reads like a refused address');
    const slow = await postWebhook(`http://127.0.0.1:${silent.port}/x`, '{}', {}, { timeoutMs: 200, allowPrivate: true });
    assert.deepEqual([slow.statusCode, slow.error], [null, 'timed out after 200 ms']);
    assert.ok(slow.durationMs >= 190);
  } finally {
    await silent.close();
  }
});

test('a redirect is not followed: the delivery fails with the 3xx and its target is never called', async () => {
  const internal = await listening((_request, response) => response.end('metadata'));
  const redirecting = await listening((_request, response) => {
    response.writeHead(307, { location: `http://127.0.0.1:${internal.port}/latest/meta-data/` });
    response.end();
  });
  try {
    // Both are on loopback, so private targets are allowed here: even then no redirect is followed.
    const result = await postWebhook(`http://127.0.0.1:${redirecting.port}/hook`, '{}', {}, { timeoutMs: 1_000, allowPrivate: true });
    assert.deepEqual([result.statusCode, result.error], [307, 'HTTP 307']);
    assert.deepEqual(redirecting.hits, ['/hook']);
    assert.deepEqual(internal.hits, []);
  } finally {
    await internal.close();
    await redirecting.close();
  }
});
