// Run by `npm install` (prepare): builds the migrated embedded-database seed that makes a first start fast.
import { buildPgliteSeed } from '../src/platform/db/pglite-seed';

const started = Date.now();
const path = await buildPgliteSeed();
console.error(`embedded database seed ready (${path}) in ${Date.now() - started} ms`);
