import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { API_TYPES_PATH, renderApiTypes } from './api-types';

test('the committed web API types match the OpenAPI document the server builds today', async () => {
  const committed = readFileSync(API_TYPES_PATH, 'utf8');
  assert.ok(committed === (await renderApiTypes()), `${API_TYPES_PATH} is stale: run \`npm run api:types\` and commit the result`);
});
