// `npm run db:types`: regenerates the database types from the migrations (run after adding one).
import { writeFileSync } from 'node:fs';
import { generateSchemaTypes, schemaTypesFile } from '../src/platform/db/generate-schema-types';

writeFileSync(schemaTypesFile, await generateSchemaTypes());
console.error(`${schemaTypesFile} regenerated from the migrations`);
