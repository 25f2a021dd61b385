// Builds the migrated template database that every test file copies (see src/platform/db/test-database.ts).
import { prepareTemplate, testDatabaseUrl } from '../src/platform/db/test-database';

const started = Date.now();
await prepareTemplate();
console.error(`test database template ready on ${testDatabaseUrl() ? 'PostgreSQL' : 'PGlite'} in ${Date.now() - started} ms`);
