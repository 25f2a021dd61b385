import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMetaJson } from './meta-json';

test('escapes non-ASCII as lower-case \\u, emoji as surrogate pairs, and slashes', () => {
  const encoded = encodeMetaJson({ body: 'Olá 😀 مرحبا https://x.io/a', n: 1 });
  assert.equal(
    encoded,
    '{"body":"Ol\\u00e1 \\ud83d\\ude00 \\u0645\\u0631\\u062d\\u0628\\u0627 https:\\/\\/x.io\\/a","n":1}',
  );
  assert.match(encoded, /^[\x20-\x7e]*$/);
  assert.deepEqual(JSON.parse(encoded), { body: 'Olá 😀 مرحبا https://x.io/a', n: 1 });
});

test('control characters keep JSON.stringify escapes and the output stays compact', () => {
  assert.equal(encodeMetaJson({ a: 'l1\nl2\u0001', b: [1, 2] }), '{"a":"l1\\nl2\\u0001","b":[1,2]}');
});

test('pure-ASCII bodies still get their slashes escaped', () => {
  assert.equal(encodeMetaJson({ url: 'https://x.io/a/b', id: 'wamid.AB/CD=' }), '{"url":"https:\\/\\/x.io\\/a\\/b","id":"wamid.AB\\/CD="}');
});
