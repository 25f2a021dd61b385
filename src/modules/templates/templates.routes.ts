import { z } from 'zod';
import { withTenant } from '../../platform/db';
import { decodeCursor, forbidden, listResponse, pageOf, pageQuery, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { actorOf, can, requirePrincipal } from '../auth';
import type { TemplatesDeps } from './deps';
import { syncTemplates } from './sync-templates';
import { createTemplate } from './create-template';
import { listTemplateRows } from './template.repository';
import { previewTemplate } from './preview-template';
import { templateView, toTemplateView } from './template-view';
import { resolveWorkspaceChannel } from '../channels';
import { templateErrorStatuses } from './error-statuses';

export function registerTemplateRoutes(app: AppInstance, deps: TemplatesDeps): void {
  registerErrorStatuses(app, templateErrorStatuses);
  app.get('/api/v1/templates', { config: { access: 'templates.read' }, schema: { tags: ['templates'], querystring: pageQuery, response: { 200: listResponse(templateView) } } }, async (request) => {
    const p = requirePrincipal(request);
    const rows = await withTenant(deps.db, p.workspaceId, (tx) => listTemplateRows(tx, p.workspaceId, { limit: request.query.limit + 1, before: decodeCursor(request.query.cursor)?.id }));
    const page = pageOf(rows, request.query.limit, (r) => ({ at: r.created_at.toISOString(), id: r.id }));
    return { data: page.data.map(toTemplateView), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/templates', {
    config: { access: 'templates.manage' },
    schema: {
      tags: ['templates'],
      description: "Linted (lengths, {{n}} numbering, leading/trailing variables, button rules, category hints), then submitted to the channel's WABA; approval arrives by webhook.",
      body: z.strictObject({
        channelId: z.string().max(100).optional(),
        name: z.string().min(1).max(512),
        language: z.string().min(2).max(20),
        category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
        components: z.array(z.record(z.string(), z.unknown())).min(1).max(10),
      }),
      response: { 201: templateView.extend({ warnings: z.array(z.object({ path: z.string(), message: z.string() })) }) },
    },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    const { channelId, ...input } = request.body;
    const channel = await withTenant(deps.db, p.workspaceId, (tx) => resolveWorkspaceChannel(tx, p.workspaceId, channelId));
    const { row, warnings } = await createTemplate(deps, p.workspaceId, actorOf(p), channel.id, input);
    return reply.status(201).send({ ...toTemplateView(row), warnings });
  });

  app.post('/api/v1/templates/sync', {
    config: { access: 'templates.manage' },
    schema: { tags: ['templates'], description: "Pulls the templates of the channel's WhatsApp Business Account.", body: z.object({ channelId: z.string().max(100).optional() }).optional(), response: { 200: z.object({ synced: z.number() }) } },
  }, async (request) => {
    const p = requirePrincipal(request);
    const channel = await withTenant(deps.db, p.workspaceId, (tx) => resolveWorkspaceChannel(tx, p.workspaceId, request.body?.channelId));
    return syncTemplates(deps, p.workspaceId, actorOf(p), channel.id);
  });

  app.post('/api/v1/templates/:id/preview', {
    config: { access: 'templates.read' },
    schema: {
      tags: ['templates'],
      description:
        'The template as the customer would read it: variables filled from send-style components, whose {{contact.name}} and ' +
        '{{contact.attributes.<key>}} come from contactId (needs contacts.read; reading a contact writes an audit entry). Unfilled variables stay as ' +
        'written and are listed in missingParameters ("body.2", "header.1", "buttons.0.1").',
      params: z.object({ id: z.string() }),
      body: z.strictObject({ contactId: z.string().max(100).optional(), components: z.array(z.record(z.string(), z.unknown())).max(20).optional() }),
      response: {
        200: z.object({
          header: z.object({ format: z.string(), text: z.string().optional() }).optional(),
          body: z.string(),
          footer: z.string().optional(),
          buttons: z.array(z.object({ type: z.string(), text: z.string() })).optional(),
          missingParameters: z.array(z.string()),
        }),
      },
    },
  }, async (request) => {
    const p = requirePrincipal(request);
    // Filling from a contact shows its personal data: that takes contacts.read too (analysts have none).
    if (request.body.contactId && !can(p.role, 'contacts.read')) throw forbidden("read contacts' personal data");
    return previewTemplate(deps, p.workspaceId, actorOf(p), request.params.id, request.body);
  });
}
