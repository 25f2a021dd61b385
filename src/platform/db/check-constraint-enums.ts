import { sql, type Kysely } from 'kysely';
import type { DatabaseMetadata } from 'kysely-codegen';

// Our closed sets of values are text columns with `check (col in ('a', 'b'))` rather than
// PostgreSQL enums (a value added later is one constraint swap, not an ALTER TYPE). The generator
// knows only enums, so these checks are read here and handed to it as the column's values: the
// generated type is then `'a' | 'b'`, as narrow as the database allows.

interface CheckRow {
  table_name: string;
  column_name: string;
  definition: string;
}

// How PostgreSQL prints `col in ('a', 'b')` on a text column.
const IN_LIST = /^CHECK \(\(\w+ = ANY \(ARRAY\[((?:'(?:[^']|'')*'::text(?:, )?)+)\]\)\)\)$/;
const LITERAL = /'((?:[^']|'')*)'::text/g;

function allowedValues(definition: string): string[] | undefined {
  const list = IN_LIST.exec(definition)?.[1];
  if (list === undefined) return undefined;
  return [...list.matchAll(LITERAL)].map((match) => match[1]!.replaceAll("''", "'"));
}

/** Sets `enumValues` of every text column that a one-column `in (…)` check limits. */
export async function applyCheckConstraintEnums(db: Kysely<unknown>, metadata: DatabaseMetadata): Promise<DatabaseMetadata> {
  const { rows } = await sql<CheckRow>`
    select c.conrelid::regclass::text as table_name, a.attname as column_name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'c' and cardinality(c.conkey) = 1 and c.connamespace = 'public'::regnamespace
  `.execute(db);
  const allowed = new Map<string, string[]>();
  for (const row of rows) {
    const values = allowedValues(row.definition);
    if (!values) continue;
    const key = `${row.table_name}.${row.column_name}`;
    // Several checks on one column: a value must pass them all.
    const earlier = allowed.get(key);
    allowed.set(key, earlier ? earlier.filter((value) => values.includes(value)) : values);
  }
  for (const table of metadata.tables) {
    for (const column of table.columns) {
      const values = allowed.get(`${table.name}.${column.name}`);
      if (values && column.dataType === 'text' && !column.isArray) column.enumValues = values;
    }
  }
  return metadata;
}
