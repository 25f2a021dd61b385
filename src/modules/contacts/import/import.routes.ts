import { z } from 'zod';
import { API_BODY_LIMIT_BYTES, AppError, type AppInstance } from '../../../platform/http';
import { actorOf, requirePrincipal } from '../../auth';
import type { ContactsDeps } from '../deps';
import { getContactImport, importView } from './import-view';
import { startContactImport } from './start-import';

export function registerImportRoutes(app: AppInstance, deps: ContactsDeps): void {
  void app.register(async (scope) => {
    // The CSV arrives as raw bytes: parsed by the import job, not by Fastify. Scoped to this route.
    scope.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.post('/api/v1/contacts/import', {
      config: { access: 'contacts.import' },
      bodyLimit: API_BODY_LIMIT_BYTES,
      schema: {
        tags: ['contacts'],
        description:
          'Body text/csv (UTF-8, at most 1 MiB → 413): a header row with phone (E.164), name, tags (separated by ";" or "|"), marketing_consent ' +
          '(true/false/yes/no/1/0; empty leaves consent unchanged) and any other column as an attribute. Contacts are created or updated by phone; ' +
          'consent changes go to the ledger with source "import". A header without a phone column → 422. Rows are processed in the background: ' +
          'follow GET /api/v1/contacts/imports/{id}.',
        consumes: ['text/csv'],
        response: { 202: z.object({ importId: z.string() }) },
      },
    }, async (request, reply) => {
      const p = requirePrincipal(request);
      if (!Buffer.isBuffer(request.body)) throw new AppError(415, 'unsupported_media_type', 'Send the file as text/csv.');
      return reply.status(202).send(await startContactImport(deps, p.workspaceId, actorOf(p), request.body));
    });
  });

  app.get('/api/v1/contacts/imports/:id', {
    config: { access: 'contacts.import' },
    schema: { tags: ['contacts'], description: 'Progress and per-row errors (line = the line of the file, header = 1).', params: z.object({ id: z.string() }), response: { 200: importView } },
  }, async (request) => getContactImport(deps, requirePrincipal(request).workspaceId, request.params.id));
}
