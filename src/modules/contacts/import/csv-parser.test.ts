import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './csv-parser';

const rows = (text: string) => parseCsv(text).map((r) => [r.line, ...r.fields]);

test('plain records with LF, CRLF and lone CR line ends; trailing newline adds no record', () => {
  assert.deepEqual(rows('a,b\n1,2\r\n3,4\r5,6\n'), [[1, 'a', 'b'], [2, '1', '2'], [3, '3', '4'], [4, '5', '6']]);
  assert.deepEqual(rows('a,b'), [[1, 'a', 'b']]);
  assert.deepEqual(rows(''), []);
});

test('quoted fields hold commas, doubled quotes and line breaks; line numbers count the breaks', () => {
  const text = 'name,note\r\n"Lee, Ann","said ""hi""\r\nthen left"\r\nBo,"x"\r\n';
  assert.deepEqual(rows(text), [[1, 'name', 'note'], [2, 'Lee, Ann', 'said "hi"\r\nthen left'], [4, 'Bo', 'x']]);
  assert.deepEqual(rows('"a\nb\nc",d\ne,f'), [[1, 'a\nb\nc', 'd'], [4, 'e', 'f']]);
});

test('a BOM is dropped, blank lines are skipped but still counted, empty fields are kept', () => {
  assert.deepEqual(rows('\uFEFFphone,name\n\n+1555,\n,\n""\n'), [[1, 'phone', 'name'], [3, '+1555', ''], [4, '', '']]);
});

test('a quote inside an unquoted field is text; broken quoting marks only its record', () => {
  assert.deepEqual(rows('5\'11",x\n'), [[1, '5\'11"', 'x']]);
  const parsed = parseCsv('"ab"c,d\nok,1\n"never closed,2\n');
  assert.equal(parsed[0]!.malformed, 'stray_quote');
  assert.deepEqual(parsed[1], { line: 2, fields: ['ok', '1'] });
  assert.equal(parsed[2]!.malformed, 'unterminated_quote');
  assert.equal(parsed[2]!.line, 3);
});
