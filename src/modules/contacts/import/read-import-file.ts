import { PHONE_HINT, phoneDigitsOf } from '../phone-number';
import { readCsvRecords, type CsvRecord } from './csv-records';

export type ImportErrorCode =
  | 'invalid_phone'
  | 'duplicate_phone'
  | 'invalid_marketing_consent'
  | 'too_many_columns'
  | 'malformed_row'
  | 'value_too_long'
  | 'missing_phone_column'
  | 'duplicate_column'
  | 'empty_file';

/** A problem of one CSV line (header = line 1); messages never echo a cell's value. */
export interface ImportError {
  line: number;
  column: string | null;
  code: ImportErrorCode;
  message: string;
}

/** A line that was imported, but not all it asked for was done; said in words a shop owner understands. */
export interface ImportNotice {
  line: number;
  column: string;
  code: 'consent_withdrawn_by_customer';
  message: string;
}

export interface ImportRow {
  line: number;
  /** The phone's digits (E.164 without "+"). */
  digits: string;
  name?: string;
  tags: string[];
  /** true → granted, false → revoked, undefined → unchanged. */
  consent?: boolean;
  attributes: Record<string, string>;
}

export type RowOutcome = { row: ImportRow; errors?: undefined } | { row?: undefined; errors: ImportError[] };

/** The rows come one by one as the file is read; a file with header errors has none. */
export type ImportFile = { headerErrors: ImportError[]; rows: AsyncIterable<RowOutcome> };

async function* noRows(): AsyncGenerator<RowOutcome> {}

const KNOWN = new Set(['phone', 'name', 'tags', 'marketing_consent']);
export const CONSENT_VALUES: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };
export const IMPORT_LIMITS = { name: 256, tag: 50, tags: 50, attributeKey: 64, attributeValue: 1000 };

const err = (line: number, column: string | null, code: ImportErrorCode, message: string): ImportError => ({ line, column, code, message });

/**
 * The rows of an import file (UTF-8 bytes), each valid or with its errors: columns phone, name,
 * tags ("; " or "|" separated), marketing_consent, any other column an attribute. Header problems
 * (no phone column, a repeated column) make the file unusable and come back as `headerErrors`.
 */
export async function readImportFile(csv: Buffer): Promise<ImportFile> {
  const records = readCsvRecords(csv);
  const first = await records.next();
  if (first.done) return { headerErrors: [err(1, null, 'empty_file', 'The file has no header row.')], rows: noRows() };
  const header = first.value;
  const columns = header.fields.map((f) => (KNOWN.has(f.trim().toLowerCase()) ? f.trim().toLowerCase() : f.trim()));
  const headerErrors: ImportError[] = [];
  if (header.malformed) headerErrors.push(err(1, null, 'malformed_row', 'The header row has a quoted field that is never closed.'));
  else if (!columns.includes('phone')) headerErrors.push(err(1, 'phone', 'missing_phone_column', 'The header has no "phone" column.'));
  columns.forEach((c, i) => {
    if (c && columns.indexOf(c) !== i) headerErrors.push(err(1, c, 'duplicate_column', `Column ${i + 1} repeats an earlier column's name.`));
    if (c.length > IMPORT_LIMITS.attributeKey) headerErrors.push(err(1, null, 'value_too_long', `Column ${i + 1}'s name is longer than ${IMPORT_LIMITS.attributeKey} characters.`));
  });
  if (headerErrors.length) {
    await records.return(undefined);
    return { headerErrors, rows: noRows() };
  }
  return { headerErrors, rows: readRows(columns, records) };
}

async function* readRows(columns: string[], records: AsyncIterable<CsvRecord>): AsyncGenerator<RowOutcome> {
  const firstLine = new Map<string, number>();
  for await (const record of records) yield readRow(columns, record, firstLine);
}

function readRow(columns: string[], { line, fields, malformed }: CsvRecord, firstLine: Map<string, number>): RowOutcome {
  if (malformed) return { errors: [err(line, null, 'malformed_row', 'A quoted field opens on this line and is never closed, so this row and any after it cannot be read.')] };
  if (fields.length > columns.length) return { errors: [err(line, null, 'too_many_columns', `The row has ${fields.length} fields; the header has ${columns.length}.`)] };
  const errors: ImportError[] = [];
  const row: ImportRow = { line, digits: '', tags: [], attributes: {} };
  columns.forEach((column, i) => {
    const value = (fields[i] ?? '').trim();
    if (!column) return;
    if (column === 'phone') {
      const digits = phoneDigitsOf(value);
      if (digits === null) {
        errors.push(err(line, column, 'invalid_phone', value ? `Not a phone number. ${PHONE_HINT}` : 'The phone is empty.'));
      } else if (firstLine.has(digits)) {
        errors.push(err(line, column, 'duplicate_phone', `The same phone number is on line ${firstLine.get(digits)}.`));
      } else {
        firstLine.set(digits, line);
        row.digits = digits;
      }
    } else if (column === 'name') {
      if (value.length > IMPORT_LIMITS.name) errors.push(err(line, column, 'value_too_long', `The name is longer than ${IMPORT_LIMITS.name} characters.`));
      else if (value) row.name = value;
    } else if (column === 'tags') {
      const tags = [...new Set(value.split(/[;|]/).map((t) => t.trim()).filter(Boolean))];
      if (tags.some((t) => t.length > IMPORT_LIMITS.tag) || tags.length > IMPORT_LIMITS.tags) errors.push(err(line, column, 'value_too_long', `At most ${IMPORT_LIMITS.tags} tags of up to ${IMPORT_LIMITS.tag} characters.`));
      else row.tags = tags;
    } else if (column === 'marketing_consent') {
      const consent = CONSENT_VALUES[value.toLowerCase()];
      if (value && consent === undefined) errors.push(err(line, column, 'invalid_marketing_consent', 'Use true/false, yes/no, 1/0, or leave it empty.'));
      else if (value) row.consent = consent;
    } else if (value) {
      if (value.length > IMPORT_LIMITS.attributeValue) errors.push(err(line, column, 'value_too_long', `The value is longer than ${IMPORT_LIMITS.attributeValue} characters.`));
      else row.attributes[column] = value;
    }
  });
  return errors.length ? { errors } : { row };
}
