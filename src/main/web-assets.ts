import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from '../platform/http';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Serves the built dashboard (`npm install` builds it; `npm start` never does) and returns its
 * index.html for the not-found handler to answer client-side routes with.
 */
export async function registerWebAssets(app: AppInstance): Promise<string | undefined> {
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn('web/dist is missing: run `npm run build:web` to build the dashboard');
    return undefined;
  }
  await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false });
  return readFileSync(indexFile, 'utf8');
}
