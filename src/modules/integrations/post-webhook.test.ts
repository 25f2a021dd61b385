import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { postWebhook } from './post-webhook';
import { isPrivateAddress, validateWebhookUrl } from './webhook-url';

test('private, loopback, link-local and mapped addresses are recognised', () => {
  for (const ip of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '[::1]', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) assert.ok(isPrivateAddress(ip), ip);
  for (const ip of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700::1111', 'example.com']) assert.ok(!isPrivateAddress(ip), ip);
  assert.equal(validateWebhookUrl('https://Hooks.Example.com/a#frag', false), 'https://hooks.example.com/a');
  assert.throws(() => validateWebhookUrl('http://0x7f.1/', false), /private/);
});

test('at delivery time a host name that resolves to a private address is refused; slow receivers time out', async () => {
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as { port: number }).port;
  try {
    const refused = await postWebhook(`http://localhost:${port}/x`, '{}', {}, { timeoutMs: 500, allowPrivate: false });
    assert.deepEqual([refused.statusCode, refused.error], [null, 'target resolves to a private address']);
    const literal = await postWebhook(`http://127.0.0.1:${port}/x`, '{}', {}, { timeoutMs: 500, allowPrivate: false });
    assert.equal(literal.error, 'target is a private address');
    const slow = await postWebhook(`http://127.0.0.1:${port}/x`, '{}', {}, { timeoutMs: 200, allowPrivate: true });
    assert.deepEqual([slow.statusCode, slow.error], [null, 'timed out after 200 ms']);
    assert.ok(slow.durationMs >= 190);
  } finally {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  }
});
