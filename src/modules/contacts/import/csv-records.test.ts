import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsvRecords, type CsvRecord } from './csv-records';
import { readImportFile, type RowOutcome } from './read-import-file';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const records = (text: string | Buffer) => all<CsvRecord>(readCsvRecords(Buffer.isBuffer(text) ? text : Buffer.from(text)));
const rows = async (text: string | Buffer) => (await records(text)).map((r) => [r.line, ...r.fields]);

test('plain records with LF, CRLF and lone CR line ends mixed in one file; trailing newline adds no record', async () => {
  assert.deepEqual(await rows('a,b\n1,2\r\n3,4\r5,6\n'), [[1, 'a', 'b'], [2, '1', '2'], [3, '3', '4'], [4, '5', '6']]);
  assert.deepEqual(await rows('a,b'), [[1, 'a', 'b']]);
  assert.deepEqual(await rows(''), []);
});

test('quoted fields hold commas, doubled quotes and line breaks; line numbers count a CRLF inside quotes once', async () => {
  const text = 'name,note\r\n"Lee, Ann","said ""hi""\r\nthen left"\r\nBo,"x"\r\n';
  assert.deepEqual(await rows(text), [[1, 'name', 'note'], [2, 'Lee, Ann', 'said "hi"\r\nthen left'], [4, 'Bo', 'x']]);
  assert.deepEqual(await rows('"a\nb\nc",d\ne,f'), [[1, 'a\nb\nc', 'd'], [4, 'e', 'f']]);
  assert.deepEqual(await rows('"a\r\n\r\nb",1\r\nc,2\r\n'), [[1, 'a\r\n\r\nb', '1'], [4, 'c', '2']]);
});

test('a BOM is dropped, blank lines are skipped but still counted, empty fields are kept', async () => {
  assert.deepEqual(await rows('\uFEFFphone,name\n\n+1555,\n,\n""\n'), [[1, 'phone', 'name'], [3, '+1555', ''], [4, '', '']]);
});

test('a quote inside an unquoted field, or text after a closing quote, is kept as written', async () => {
  assert.deepEqual(await rows('5\'11",x\n"ab"c,d\nok,1\n'), [[1, '5\'11"', 'x'], [2, '"ab"c', 'd'], [3, 'ok', '1']]);
});

test('a quote never closed marks the record on the line it opens, after every record before it', async () => {
  const parsed = await records('a,b\nok,1\n\n"never closed,2\nlost,3\n');
  assert.deepEqual(parsed, [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['ok', '1'] }, { line: 4, fields: [], malformed: 'unterminated_quote' }]);
});

test('records are whole across the slices the file is read in: a CRLF and a multi-byte character on a slice edge', async () => {
  const slice = 64 * 1024;
  const head = 'phone,name\n';
  const filler = `x,${'y'.repeat(slice - head.length - 3)}`;
  // The first slice ends between the "\r" and "\n" of the filler row's line end.
  const crlf = Buffer.from(`${head}${filler}\r\nz,1\n`);
  assert.equal(crlf[slice - 1], 0x0d);
  assert.deepEqual((await rows(crlf)).map((r) => r[0]), [1, 2, 3]);
  // "é" is two bytes; the first slice ends between them.
  const accent = Buffer.from(`${head}${filler}é\nz,1\n`);
  assert.equal(accent[slice - 1], 0xc3);
  const [, second, third] = await rows(accent);
  assert.ok(String(second![2]).endsWith('yé'));
  assert.deepEqual(third, [3, 'z', '1']);
});

test('an import file reports problems per line with their codes: too many columns, a quote never closed', async () => {
  const file = await readImportFile(Buffer.from('phone,name\n+14155550101,Ann\n+14155550102,Bo,extra\n"+14155550103,Cy\n+14155550104,Di\n'));
  assert.deepEqual(file.headerErrors, []);
  const outcomes = await all<RowOutcome>(file.rows);
  assert.deepEqual(outcomes.map((o) => o.row?.line ?? o.errors!.map((e) => [e.line, e.code])), [2, [[3, 'too_many_columns']], [[4, 'malformed_row']]]);
  const broken = await readImportFile(Buffer.from('phone,"name\n+14155550101,Ann\n'));
  assert.deepEqual(broken.headerErrors.map((e) => [e.line, e.code]), [[1, 'malformed_row']]);
  assert.deepEqual(await all(broken.rows), []);
});
