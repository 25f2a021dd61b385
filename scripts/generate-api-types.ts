import { writeFileSync } from 'node:fs';
import { API_TYPES_PATH, renderApiTypes } from './api-types';

// `npm run api:types`: writes the dashboard's API types from the server's OpenAPI document.
writeFileSync(API_TYPES_PATH, await renderApiTypes());
console.error(`api:types: wrote ${API_TYPES_PATH}`);
