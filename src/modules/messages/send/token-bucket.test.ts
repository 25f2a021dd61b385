import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from './token-bucket';

test('the bucket paces at the ceiling, backs off on 130429 and climbs back', () => {
  let now = 0;
  const bucket = new TokenBucket(100, () => now);
  let sent = 0;
  for (; now < 10_000; now += 1) while (bucket.tryTake() === 0) sent += 1;
  assert.ok(sent >= 1_000 && sent <= 1_051, `≈ 100/s for 10 s plus half a second of burst (${sent})`);
  bucket.throttled(250);
  assert.ok(bucket.tryTake() > 0, 'paused after a refusal');
  assert.ok(Math.abs(bucket.rate - 90) < 1e-9);
  now += 300;
  bucket.tryTake();
  now += 2_000;
  bucket.tryTake();
  assert.equal(bucket.rate, 100, 'back at the ceiling after a second or two');
  bucket.setCeiling(1_000);
  assert.equal(bucket.rate, 100, 'no jump right after a refusal');
  now += 20_000;
  bucket.setCeiling(80);
  bucket.setCeiling(1_000);
  assert.equal(bucket.rate, 1_000, 'a raised ceiling applies at once when nothing was refused lately');
});
