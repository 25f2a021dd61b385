// Serves the customer-phone page: one HTML shell and its static assets (vanilla JS modules
// and CSS, no external URLs). The page learns the control API's base from a meta tag, so it
// works under any prefix (standalone `/phone` → API at `/`; sandbox `/sandbox/phone` → API
// at `/sandbox/graph`).
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const ASSETS: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'api.js': 'text/javascript; charset=utf-8',
  'dom.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'compose.js': 'text/javascript; charset=utf-8',
  'phone.css': 'text/css; charset=utf-8',
};

// Media the business sends by `link` is shown as the customer's phone would fetch it.
const CSP = "default-src 'self'; img-src 'self' data: blob: http: https:; media-src 'self' blob: http: https:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'";

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function phonePageRoutes(app: FastifyInstance, opts: { apiBase: string }): Promise<void> {
  const files = new Map(Object.keys(ASSETS).map((name) => [name, readFileSync(new URL(`./assets/${name}`, import.meta.url))]));
  const shell = readFileSync(new URL('./assets/index.html', import.meta.url), 'utf8')
    .replaceAll('%API_BASE%', escapeAttr(opts.apiBase))
    .replaceAll('%ASSETS%', escapeAttr(`${app.prefix}/assets`));

  app.get('/', async (_req, reply) =>
    reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', CSP).header('cache-control', 'no-store').send(shell),
  );

  app.get<{ Params: { file: string } }>('/assets/:file', async (req, reply) => {
    const type = ASSETS[req.params.file];
    const body = files.get(req.params.file);
    if (!type || !body) return reply.code(404).send({ error: { code: 'not_found', message: 'No such asset.', details: {} } });
    return reply.header('content-type', type).header('cache-control', 'no-cache').send(body);
  });
}
