// Builds the migrated template database that every test file copies (see src/platform/db/test-database.ts).
import { prepareTemplate, testDatabaseUrl } from '../src/platform/db/test-database';

const started = Date.now();
const fingerprint = await prepareTemplate();
console.error(`test database template ${fingerprint} ready on ${testDatabaseUrl() ? 'PostgreSQL' : 'PGlite'} in ${Date.now() - started} ms`);
// The last stdout line is the fingerprint: the test runner pins it for every test file.
console.log(fingerprint);
