import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from '../platform/http';

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const apiPrefixes = ['/api/', '/webhooks/', '/docs', '/sandbox/graph', '/healthz', '/readyz'];

/**
 * Serves the built dashboard (`npm install` builds it; `npm start` never does) and answers its
 * client-side routes with index.html. API paths keep their JSON 404.
 */
export async function registerWebAssets(app: AppInstance): Promise<void> {
  const indexFile = join(webDist, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn('web/dist is missing: run `npm run build:web` to build the dashboard');
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');
  await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false, cacheControl: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || apiPrefixes.some((p) => path.startsWith(p)) || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${path}.` } });
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}
