import { randomBytes } from 'node:crypto';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { buildApi } from '../src/main/api';
import { buildContainer } from '../src/main/container';
import { loadConfig } from '../src/platform/config';
import { createTestDatabase, prepareTemplate } from '../src/platform/db/test-database';
import { createLogger } from '../src/platform/logging';

// The web app's API types, generated from the OpenAPI document the server builds from its route
// schemas, so the dashboard's types cannot drift from the server's. The app is built in-process on a
// throw-away copy of the test template database and asked for /docs/json with `inject`: nothing
// listens, no worker runs.
export const API_TYPES_PATH = 'web/src/app/api-types.generated.ts';

// Fixed, so the document (its `servers`) and the generated file do not depend on the machine.
const STABLE_PUBLIC_URL = 'http://localhost:3000';

async function fetchOpenApiDocument(): Promise<OpenAPI3> {
  await prepareTemplate();
  const database = await createTestDatabase();
  const config = loadConfig({ MASTER_KEY: randomBytes(32).toString('base64'), DATA_DIR: database.dataDir ?? 'tmp/unused', LOG_LEVEL: 'silent', WHATSAPP_MODE: 'cloud', PUBLIC_URL: STABLE_PUBLIC_URL });
  const container = await buildContainer(config, createLogger({ level: config.logLevel }), { database });
  const app = await buildApi(container);
  try {
    const response = await app.inject({ method: 'GET', url: '/docs/json' });
    if (response.statusCode !== 200) throw new Error(`GET /docs/json answered ${response.statusCode}`);
    return onlyTheDashboardsApi(response.json<OpenAPI3>());
  } finally {
    await app.close();
    await container.close();
  }
}

// The dashboard calls /api/v1 only; Meta's webhook and the sandbox's Graph API are documented for
// others (and the webhook's free-form query string is a shape openapi-typescript cannot read).
function onlyTheDashboardsApi(document: OpenAPI3): OpenAPI3 {
  const paths = Object.fromEntries(Object.entries(document.paths ?? {}).filter(([path]) => path.startsWith('/api/v1/')));
  return { ...document, paths };
}

/** The generated file's whole text. */
export async function renderApiTypes(): Promise<string> {
  const ast = await openapiTS(await fetchOpenApiDocument(), { alphabetize: true });
  return `${COMMENT_HEADER}// Regenerate with \`npm run api:types\`; scripts/api-types.test.ts fails when this file is stale.\n\n${astToString(ast)}`;
}
