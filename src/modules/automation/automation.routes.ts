import { z } from 'zod';
import { decodeCursor, idempotencyHeaders, idempotent, listResponse, pageOf, pageQuery, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import type { AutomationDeps } from './deps';
import { createReply, keywordReplyBody, keywordReplyPatch, keywordReplyView, listReplies, patchReply, removeReply, toKeywordReplyView } from './manage-keyword-replies';
import { getSettings, updateSettings } from './settings';
import { settingsPatchSchema, settingsSchema } from './settings.schema';
import { automationErrorStatuses } from './error-statuses';

const idParams = z.object({ id: z.string() });
const REPLIES = '/api/v1/automations/keyword-replies';

export function registerAutomationRoutes(app: AppInstance, deps: AutomationDeps): void {
  registerErrorStatuses(app, automationErrorStatuses);
  app.get('/api/v1/settings', { config: { access: 'settings.read' }, schema: { tags: ['settings'], response: { 200: settingsSchema } } }, async (request) => getSettings(deps, requirePrincipal(request).workspaceId));

  app.patch('/api/v1/settings', {
    config: { access: 'settings.manage' },
    schema: {
      tags: ['settings'],
      description: 'Any subset of the top-level keys; each given key is replaced whole (e.g. all of businessHours). Returns the full settings. Business hours are in an IANA time zone, HH:MM intervals per day (open before close, 24:00 closes at midnight).',
      body: settingsPatchSchema,
      response: { 200: settingsSchema },
    },
  }, async (request) => {
    const p = requirePrincipal(request);
    return updateSettings(deps, p.workspaceId, actorOf(p), request.body);
  });

  app.get(REPLIES, { config: { access: 'settings.read' }, schema: { tags: ['automations'], querystring: pageQuery, response: { 200: listResponse(keywordReplyView) } } }, async (request) => {
    const p = requirePrincipal(request);
    const rows = await listReplies(deps, p.workspaceId, { before: decodeCursor(request.query.cursor)?.id, limit: request.query.limit + 1 });
    const page = pageOf(rows, request.query.limit, (r) => ({ at: r.created_at.toISOString(), id: r.id }));
    return { data: page.data.map(toKeywordReplyView), nextCursor: page.nextCursor };
  });

  app.post(REPLIES, {
    config: { access: 'settings.manage' },
    schema: {
      tags: ['automations'],
      description: 'A reply sent to a customer message that matches a keyword (inside the 24-hour window the message opened). exact: the message is the keyword; contains: the message holds every word of the keyword. Both ignore case, accents and punctuation, like message search. Honors `Idempotency-Key`.',
      headers: idempotencyHeaders,
      body: keywordReplyBody,
      response: { 201: keywordReplyView },
    },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    const answer = await idempotent({ ...deps, statuses: request.server.errorStatuses }, p.workspaceId, `POST ${REPLIES}`, request.headers['idempotency-key'], request.body, async (tx) => ({
      status: 201,
      body: await createReply(deps, tx, p.workspaceId, actorOf(p), request.body),
    }));
    return reply.status(201).send(answer.body);
  });

  app.patch(`${REPLIES}/:id`, { config: { access: 'settings.manage' }, schema: { tags: ['automations'], params: idParams, body: keywordReplyPatch, response: { 200: keywordReplyView } } }, async (request) => {
    const p = requirePrincipal(request);
    return patchReply(deps, p.workspaceId, actorOf(p), request.params.id, request.body);
  });

  app.delete(`${REPLIES}/:id`, { config: { access: 'settings.manage' }, schema: { tags: ['automations'], params: idParams } }, async (request, reply) => {
    const p = requirePrincipal(request);
    await removeReply(deps, p.workspaceId, actorOf(p), request.params.id);
    return reply.status(204).send();
  });
}
