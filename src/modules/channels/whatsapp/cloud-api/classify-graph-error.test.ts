/** Every error code of the reference's §11 (plus 131062 and 2388039) maps to a class, a hint and retry advice. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyGraphError, type GraphErrorClass } from './index';

const expected: Record<GraphErrorClass, number[]> = {
  retryable: [1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057, 132069, 133004, 133009, 133015, 133016],
  needs_template: [131047],
  auth_failed: [0, 10, 190, 200, 201, 250, 299, 131005],
  terminal: [
    3, 33, 100, 368, 130403, 130472, 130497, 131008, 131009, 131021, 131026, 131030, 131031, 131037, 131042, 131045,
    131048, 131049, 131050, 131051, 131052, 131053, 131062, 131063, 131064, 132000, 132001, 132005, 132007, 132012,
    132015, 132016, 132018, 132068, 133000, 133005, 133006, 133008, 133010, 134011, 135000, 137000,
    2388019, 2388039, 2388040, 2388047, 2388072, 2388073, 2388293, 2388299,
  ],
};

for (const [errorClass, codes] of Object.entries(expected)) {
  test(`${errorClass}: ${codes.join(', ')}`, () => {
    for (const code of codes) {
      const classification = classifyGraphError(code);
      assert.equal(classification.class, errorClass, `code ${code}`);
      assert.equal(classification.known, true, `code ${code}`);
      assert.ok(classification.hint.length > 20, `code ${code} has a hint`);
      if (errorClass === 'retryable') {
        assert.ok(classification.retry, `code ${code} has retry advice`);
        assert.ok(classification.retry.maxRetries >= 1 && classification.retry.delayMs(0) > 0, `code ${code}`);
      } else {
        assert.equal(classification.retry, undefined, `code ${code} has no retry advice`);
      }
    }
  });
}

test('the hints a person reads for the everyday failures', () => {
  assert.equal(classifyGraphError(131047).hint, 'More than 24 hours since the customer last wrote: send an approved template');
  assert.equal(classifyGraphError(190).hint, 'The access token expired or is invalid: reconnect the channel');
  assert.match(classifyGraphError(131050).hint, /stopped marketing/);
  assert.match(classifyGraphError(132001).hint, /template does not exist/);
});

test('retry advice follows Meta: pair limit 4^x s per recipient, maintenance ~60 s, quotas in minutes, 1 only once', () => {
  const pair = classifyGraphError(131056).retry;
  assert.deepStrictEqual([0, 1, 2, 3].map((n) => pair?.delayMs(n)), [1_000, 4_000, 16_000, 64_000]);
  assert.equal(pair?.scope, 'recipient');

  assert.equal(classifyGraphError(131057).retry?.delayMs(0), 60_000);
  assert.equal(classifyGraphError(131057).retry?.scope, 'phone_number');

  const throughput = classifyGraphError(130429).retry;
  assert.equal(throughput?.scope, 'phone_number');
  assert.ok((throughput?.delayMs(0) ?? 0) <= 2_000, 'a short backoff');

  for (const quota of [4, 80007]) {
    assert.ok((classifyGraphError(quota).retry?.delayMs(0) ?? 0) >= 60_000, `${quota} waits minutes`);
    assert.equal(classifyGraphError(quota).retry?.scope, 'account');
  }
  assert.equal(classifyGraphError(1).retry?.maxRetries, 1);
  assert.ok((classifyGraphError(131000).retry?.maxRetries ?? 0) <= 3);
  assert.ok((classifyGraphError(131016).retry?.maxRetries ?? 0) <= 3);
  assert.ok((classifyGraphError(133004).retry?.maxRetries ?? 0) >= 3);
});

test('undocumented codes: terminal, unless Meta answered 5xx', () => {
  assert.deepStrictEqual(
    { class: classifyGraphError(999_999).class, known: classifyGraphError(999_999).known },
    { class: 'terminal', known: false },
  );
  const serverSide = classifyGraphError(999_999, { httpStatus: 503 });
  assert.equal(serverSide.class, 'retryable');
  assert.ok(serverSide.retry);
  // A documented code keeps its class whatever the HTTP status.
  assert.equal(classifyGraphError(131045, { httpStatus: 500 }).class, 'terminal');
});
