import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './csv';
import { BUCKET_BOUNDS, bucketOf, percentileOf } from './duration-buckets';

test('durations fall in the bucket of the first bound they do not exceed; percentiles are nearest-rank bucket bounds', () => {
  assert.deepEqual([bucketOf(0), bucketOf(1), bucketOf(9), bucketOf(11), bucketOf(300), bucketOf(301), bucketOf(6600), bucketOf(10 ** 9)], [1, 1, 9, 15, 300, 360, 7200, BUCKET_BOUNDS.at(-1)]);
  assert.ok(BUCKET_BOUNDS.every((b, i) => i === 0 || b > BUCKET_BOUNDS[i - 1]!));
  const histogram = new Map([[300, 1], [3600, 1], [7200, 1]]);
  assert.deepEqual([percentileOf(histogram, 0.5), percentileOf(histogram, 0.9), percentileOf(new Map(), 0.5)], [3600, 7200, null]);
  assert.equal(percentileOf(new Map([[60, 9], [120, 1]]), 0.9), 60);
});

test('CSV quotes what needs quoting and defuses spreadsheet formulas', () => {
  assert.equal(toCsv([{ name: 'a,"b"', n: 1, v: null }, { name: '=SUM(A1)', n: -2, v: 'x\ny' }]), 'name,n,v\r\n"a,""b""",1,\r\n\'=SUM(A1),-2,"x\ny"\r\n');
  assert.equal(toCsv([]), '\r\n');
});
