/** One CSV record: its fields and the file line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** A quote misplaced inside a quoted field, or a quoted field never closed. */
  malformed?: 'stray_quote' | 'unterminated_quote';
}

/**
 * RFC 4180 CSV: comma-separated fields, records ended by CRLF, LF or CR; a field in double quotes
 * may hold commas, quotes (doubled) and line breaks. A leading BOM is dropped and blank lines are
 * skipped. Lenient where spreadsheets are: a quote inside an unquoted field is kept as text. A
 * record whose quoting is broken is returned marked, so one bad row does not sink the file.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let malformed: CsvRecord['malformed'];
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        i += 1;
        let closed = false;
        while (i < n) {
          const c = src[i]!;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line += 1;
          field += c;
          i += 1;
        }
        if (!closed) malformed = 'unterminated_quote';
        // Text between the closing quote and the next separator breaks the quoting: keep it, mark the record.
        while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          malformed ??= 'stray_quote';
          field += src[i];
          i += 1;
        }
      } else {
        while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
          field += src[i];
          i += 1;
        }
      }
      fields.push(field);
      if (i < n && src[i] === ',') {
        i += 1;
        continue;
      }
      break;
    }
    if (src[i] === '\r') i += 1;
    if (src[i] === '\n') i += 1;
    line += 1;
    const blank = fields.length === 1 && fields[0] === '' && !malformed;
    if (!blank) records.push(malformed ? { line: start, fields, malformed } : { line: start, fields });
  }
  return records;
}
