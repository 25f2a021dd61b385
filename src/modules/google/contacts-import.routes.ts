import { z } from 'zod';
import { registerErrorStatuses, type AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import { cancelContactsPreview, confirmContactsPreview, readContactsPreview } from './contacts-preview';
import type { GoogleDeps } from './deps';
import { googleErrorStatuses } from './error-statuses';
import { googleErrors } from './errors';
import { authorizationResponse, previewResponse } from './google.schemas';
import { FLOW_COOKIE, startGoogleFlow } from './google-flow';

const tags = ['google'];
const MAX_PREVIEW_ERRORS = 500;
const params = z.object({ id: z.string() });

export function registerGoogleContactsRoutes(app: AppInstance, deps: GoogleDeps): void {
  registerErrorStatuses(app, googleErrorStatuses);
  app.post('/api/v1/google/contacts-imports', {
    config: { access: 'contacts.import' },
    schema: {
      tags,
      description: 'Starts a Google Contacts import: the browser goes to Google, asked for `https://www.googleapis.com/auth/contacts.readonly` and nothing else (online access: no refresh token), and comes back to a preview. The contacts are read once, with a token that is then dropped.',
      response: { 200: authorizationResponse },
    },
  }, async (request, reply) => {
    if (!deps.settings) throw googleErrors.notConfigured();
    const p = requirePrincipal(request);
    if (!p.userId) throw googleErrors.flowInvalid();
    const flow = await startGoogleFlow(deps, 'import', { userId: p.userId, workspaceId: p.workspaceId });
    reply.setCookie(FLOW_COOKIE, flow.cookie, { httpOnly: true, sameSite: 'lax', secure: deps.publicUrl.startsWith('https:'), path: '/api/v1/auth/google', expires: flow.expiresAt });
    return { authorizationUrl: flow.url };
  });

  app.get('/api/v1/google/contacts-previews/:id', {
    config: { access: 'contacts.import' },
    schema: { tags, description: 'What a Google Contacts import would do, before it is confirmed (kept at most 30 minutes).', params, response: { 200: previewResponse } },
  }, async (request) => {
    const preview = await readContactsPreview(deps, requirePrincipal(request).workspaceId, request.params.id);
    return { ...preview, errorCount: preview.errors.length, errors: preview.errors.slice(0, MAX_PREVIEW_ERRORS) };
  });

  app.post('/api/v1/google/contacts-previews/:id/import', {
    config: { access: 'contacts.import' },
    schema: { tags, description: 'Imports the previewed contacts through the CSV import (same rules, per-row errors; consent is never granted by an import), then deletes the preview. Follow GET /api/v1/contacts/imports/{importId}.', params, response: { 202: z.object({ importId: z.string() }) } },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    return reply.status(202).send(await confirmContactsPreview(deps, p.workspaceId, actorOf(p), request.params.id));
  });

  app.delete('/api/v1/google/contacts-previews/:id', {
    config: { access: 'contacts.import' },
    schema: { tags, description: 'Cancels a preview: the contacts read from Google are deleted.', params },
  }, async (request, reply) => {
    await cancelContactsPreview(deps, requirePrincipal(request).workspaceId, request.params.id);
    return reply.status(204).send();
  });
}
