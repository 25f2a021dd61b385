import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { KeyCache } from './key-cache';

const key = () => createSecretKey(randomBytes(32));

test('entries expire after the TTL and the least recently used one leaves first', () => {
  let now = 0;
  const cache = new KeyCache<KeyObject>({ ttlMs: 1000, maxEntries: 2, now: () => now });
  const a = key();
  cache.set('a', a);
  cache.set('b', key());
  assert.equal(cache.get('a'), a);
  cache.set('c', key());
  assert.equal(cache.get('b'), undefined, 'b was least recently used');
  assert.equal(cache.get('a'), a);
  now = 1000;
  assert.equal(cache.get('a'), undefined);
});

test('a forgotten key is not cached again until the TTL has passed', () => {
  let now = 0;
  const cache = new KeyCache<KeyObject>({ ttlMs: 1000, maxEntries: 10, now: () => now });
  cache.set('d', key());
  cache.forget('d');
  assert.equal(cache.get('d'), undefined);
  cache.set('d', key());
  assert.equal(cache.get('d'), undefined, 'a read racing the shredding cannot bring it back');
  now = 1001;
  const again = key();
  cache.set('d', again);
  assert.equal(cache.get('d'), again);
});
