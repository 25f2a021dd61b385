import { z } from 'zod';
import { API_BODY_LIMIT_BYTES, idempotencyHeaders, idempotent, type AppInstance } from '../../../platform/http';
import { actorOf, requirePrincipal } from '../../auth';
import type { ContactsDeps } from '../deps';
import { importErrors } from '../errors';
import { importCsvBody, IMPORT_MEDIA_TYPES } from './import-body.schema';
import { getContactImport, importView } from './import-view';
import { startContactImport } from './start-import';

const IMPORT_ROUTE = 'POST /api/v1/contacts/import';

export function registerImportRoutes(app: AppInstance, deps: ContactsDeps): void {
  void app.register(async (scope: AppInstance) => {
    // The CSV arrives as raw bytes: parsed by the import job, not by Fastify. Scoped to this route.
    scope.addContentTypeParser([...IMPORT_MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
    scope.post('/api/v1/contacts/import', {
      config: { access: 'contacts.import' },
      bodyLimit: API_BODY_LIMIT_BYTES,
      // Another media type (JSON, a form) is the wrong kind of request, not a bad CSV: 415 before the body schema.
      preValidation: async (request) => {
        if (!Buffer.isBuffer(request.body)) throw importErrors.csvRequired();
      },
      schema: {
        tags: ['contacts'],
        description:
          'The CSV file is the body, as text/csv. Contacts are created or updated by phone; consent changes go to the ledger with source "import". ' +
          'A header without a phone column, or a file that is not UTF-8 → 422; another media type → 415; over 1 MiB → 413. Rows are processed in the background: ' +
          'follow GET /api/v1/contacts/imports/{id}. Honors `Idempotency-Key` (the same bytes replay the first answer).',
        consumes: [...IMPORT_MEDIA_TYPES],
        headers: idempotencyHeaders,
        body: importCsvBody,
        response: { 202: z.object({ importId: z.string() }) },
      },
    }, async (request, reply) => {
      const p = requirePrincipal(request);
      const answer = await idempotent({ ...deps, statuses: request.server.errorStatuses }, p.workspaceId, IMPORT_ROUTE, request.headers['idempotency-key'], request.body, async (tx) => ({
        status: 202,
        body: await startContactImport(deps, tx, p.workspaceId, actorOf(p), request.body),
      }));
      return reply.status(202).send(answer.body);
    });
  });

  app.get('/api/v1/contacts/imports/:id', {
    config: { access: 'contacts.import' },
    schema: { tags: ['contacts'], description: 'Progress and per-row errors (line = the line of the file, header = 1).', params: z.object({ id: z.string() }), response: { 200: importView } },
  }, async (request) => getContactImport(deps, requirePrincipal(request).workspaceId, request.params.id));
}
