import { ColumnTypeNode, generate, IdentifierNode, PostgresDialect, UnionExpressionNode } from 'kysely-codegen';
import { applyCheckConstraintEnums } from './check-constraint-enums';
import { migrate } from './migrate';
import { openDatabase } from './open-database';

// Development and test tooling only (kysely-codegen is a dev dependency): product code imports
// the generated file, never this one.

export const schemaTypesFile = 'src/platform/db/schema.generated.ts';

/**
 * The generator's PostgreSQL types, corrected to what our two drivers hand back:
 * int8 arrives as a number on both (open-database.ts installs that parser on pg; PGlite does it
 * itself), and jsonb arrives parsed but is written as JSON text, because pg would send a
 * JavaScript array as a PostgreSQL array literal.
 */
function ourDialect(): PostgresDialect {
  const dialect = new PostgresDialect();
  const anyInteger = new UnionExpressionNode([new IdentifierNode('bigint'), new IdentifierNode('number'), new IdentifierNode('string')]);
  dialect.adapter.definitions.Int8 = new ColumnTypeNode(new IdentifierNode('number'), anyInteger, anyInteger);
  dialect.adapter.definitions.Json = new ColumnTypeNode(new IdentifierNode('JsonValue'), new IdentifierNode('string'), new IdentifierNode('string'));
  return dialect;
}

/** The `DB` interface of a fresh in-memory database migrated with our migrations, as TypeScript source. */
export async function generateSchemaTypes(): Promise<string> {
  const database = await openDatabase({ dataDir: '', memory: true });
  try {
    await migrate(database);
    return await generate({
      db: database.db,
      dialect: ourDialect(),
      outFile: null,
      typeOnlyImports: true,
      excludePattern: 'schema_migrations',
      postprocess: ({ db, metadata }) => applyCheckConstraintEnums(db, metadata),
    });
  } finally {
    await database.close();
  }
}
