import { z } from 'zod';
import { decodeCursor, listResponse, pageOf, pageQuery, registerErrorStatuses, type AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import { campaignView, campaignWithFunnel } from './campaign-view';
import { controlCampaign } from './control-campaign';
import { createCampaign } from './create-campaign';
import { listCampaigns } from './list-campaigns';
import type { CampaignsDeps } from './deps';
import { campaignErrorStatuses } from './error-statuses';

const idParams = z.object({ id: z.string() });
const createBody = z.strictObject({
  name: z.string().min(1).max(200),
  channelId: z.string().max(100).optional(),
  template: z.strictObject({ name: z.string().min(1).max(512), language: z.string().min(2).max(20), components: z.array(z.record(z.string(), z.unknown())).max(20).optional() }),
  audience: z.strictObject({ contactIds: z.array(z.string().max(100)).min(1).max(100_000).optional(), tags: z.array(z.string().min(1).max(50)).min(1).max(50).optional(), importId: z.string().max(100).optional() })
    .refine((a) => [a.contactIds, a.tags, a.importId].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of contactIds, tags and importId' }),
  scheduledAt: z.string().datetime({ offset: true }).optional(),
});

export function registerCampaignRoutes(app: AppInstance, deps: CampaignsDeps): void {
  registerErrorStatuses(app, campaignErrorStatuses);
  app.post('/api/v1/campaigns', {
    config: { access: 'campaigns.manage' },
    schema: { tags: ['campaigns'], description: 'A draft campaign: audience expanded, marketing consent applied (skipped and counted), cost estimated. Parameters may use {{contact.name}} and {{contact.attributes.<key>}}.', body: createBody, response: { 201: campaignView } },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    const row = await createCampaign(deps, p.workspaceId, actorOf(p), request.body);
    return reply.status(201).send(await campaignWithFunnel(deps, p.workspaceId, row.id));
  });

  app.get('/api/v1/campaigns', { config: { access: 'campaigns.read' }, schema: { tags: ['campaigns'], description: 'Newest first, each with its funnel and cost.', querystring: pageQuery, response: { 200: listResponse(campaignView) } } }, async (request) => {
    const rows = await listCampaigns(deps, requirePrincipal(request).workspaceId, { limit: request.query.limit + 1, before: decodeCursor(request.query.cursor)?.id });
    return pageOf(rows, request.query.limit, (c) => ({ at: c.createdAt, id: c.id }));
  });

  app.get('/api/v1/campaigns/:id', { config: { access: 'campaigns.read' }, schema: { tags: ['campaigns'], params: idParams, response: { 200: campaignView } } }, async (request) =>
    campaignWithFunnel(deps, requirePrincipal(request).workspaceId, request.params.id),
  );

  for (const action of ['start', 'pause', 'resume', 'cancel'] as const) {
    app.post(`/api/v1/campaigns/:id/${action}`, { config: { access: 'campaigns.manage' }, schema: { tags: ['campaigns'], params: idParams, response: { 200: campaignView } } }, async (request) => {
      const p = requirePrincipal(request);
      await controlCampaign(deps, p.workspaceId, actorOf(p), request.params.id, action);
      return campaignWithFunnel(deps, p.workspaceId, request.params.id);
    });
  }
}
