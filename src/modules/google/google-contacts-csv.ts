import type { GoogleContact } from './fetch-google-contacts';

// Both fields always quoted, line breaks inside a name turned into spaces: one record per line,
// so a line number the import reports points straight back at the contact it came from.
const field = (value: string) => `"${value.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;
const RECORD = /^"((?:[^"]|"")*)","((?:[^"]|"")*)"$/;

/**
 * Google contacts as an import file (phone,name), so they go through the same path as a CSV
 * upload: one line per phone number (a contact with two numbers gives two lines), line 2 the
 * first. Contacts without any phone number cannot be messaged on WhatsApp and are only counted.
 */
export function googleContactsCsv(contacts: GoogleContact[]): { csv: Buffer; rows: number; withoutPhone: number } {
  const lines = ['phone,name'];
  let withoutPhone = 0;
  for (const contact of contacts) {
    if (!contact.phones.length) withoutPhone += 1;
    for (const phone of contact.phones) lines.push(`${field(phone)},${field(contact.name ?? '')}`);
  }
  return { csv: Buffer.from(`${lines.join('\r\n')}\r\n`), rows: lines.length - 1, withoutPhone };
}

/** The name on a line of a file `googleContactsCsv` wrote, to show beside that line's error. */
export function namesByLine(csv: Buffer): (line: number) => string | null {
  const lines = csv.toString('utf8').split('\r\n');
  return (line) => {
    const name = RECORD.exec(lines[line - 1] ?? '')?.[2]?.replace(/""/g, '"');
    return name || null;
  };
}
