import { Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';

/** One CSV record: its fields and the file line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** A quoted field never closed: it swallowed the rest of the file, so nothing of it is kept. */
  malformed?: 'unterminated_quote';
}

/** The parser takes the file in slices, so its records come as they are read, not all at once. */
const SLICE_BYTES = 64 * 1024;
const LINE_BREAK = /\r\n|\r|\n/g;

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
}

const breaksIn = (fields: string[]) => fields.reduce((n, f) => n + (f.match(LINE_BREAK)?.length ?? 0), 0);

/**
 * The records of a UTF-8 CSV file (RFC 4180, read by csv-parse), streamed. Records end with CRLF,
 * LF or CR, mixed in one file as spreadsheets export them; a leading BOM is dropped; blank lines
 * are skipped but counted. Lenient where spreadsheets are: a quote inside an unquoted field, or
 * text after a closing quote, is kept as written; rows may have any number of fields.
 *
 * Line numbers are counted here, from each record's own line breaks, because csv-parse counts a
 * CRLF inside a quoted field as two lines. An unterminated quote comes back as a marked record on
 * the line it opened, so the rows before it still import.
 */
export async function* readCsvRecords(bytes: Buffer): AsyncGenerator<CsvRecord> {
  let next = 1;
  // The line each record starts on, in parse order: the records come out of the stream in that order.
  const starts: number[] = [];
  const unterminated: CsvRecord[] = [];
  const options: Options = {
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_records_with_error: true,
    on_record: (fields: string[]) => {
      const line = next;
      next += 1 + breaksIn(fields);
      if (fields.length === 1 && fields[0] === '') return null;
      starts.push(line);
      return fields;
    },
    on_skip: (error: CsvError | undefined) => {
      // The options above leave this the one error csv-parse can find; any other is a bug to surface.
      if (error?.code !== 'CSV_QUOTE_NOT_CLOSED') throw error ?? new Error('csv-parse skipped a record without an error');
      unterminated.push({ line: next, fields: [], malformed: 'unterminated_quote' });
      return undefined;
    },
  };
  const parser = parse(options);
  Readable.from(slices(bytes)).pipe(parser);
  for await (const fields of parser) yield { line: starts.shift()!, fields: fields as string[] };
  // csv-parse reports an unterminated quote only once the file has ended: after every other record.
  yield* unterminated;
}
