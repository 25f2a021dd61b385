import { registerErrorStatuses } from '../../platform/http';
import { z } from 'zod';
import type { AppInstance } from '../../platform/http';
import { actorOf, requirePrincipal } from '../auth';
import { channelView, toChannelView } from './channel-view';
import { connectChannel } from './connect-channel';
import type { ChannelDeps } from './deps';
import { disconnectChannel, getChannel, listWorkspaceChannels, patchChannel } from './manage-channels';
import { sandboxPhoneUrl } from './sandbox-numbers';
import { channelErrorStatuses } from './error-statuses';

const idParams = z.object({ id: z.string() });
const graphVersion = z.string().regex(/^v\d{1,2}\.\d$/, 'must look like v24.0');

const connectBody = z.object({
  phoneNumberId: z.string().regex(/^\d{5,20}$/, 'must be the numeric phone number id from Meta'),
  wabaId: z.string().regex(/^\d{5,20}$/, 'must be the numeric WhatsApp Business Account id'),
  displayPhoneNumber: z.string().trim().min(5).max(30),
  accessToken: z.string().min(10).max(1000),
  appSecret: z.string().min(8).max(200),
  verifyToken: z.string().min(8).max(200),
  graphApiBaseUrl: z.string().url().default('https://graph.facebook.com').describe('Must be a public address: loopback, private, link-local and unresolvable hosts, and any failure to reach it, answer 422 url_not_allowed; redirects are not followed.'),
  graphApiVersion: graphVersion.default('v24.0'),
});

const patchBody = z
  .object({
    throughputMps: z.number().int().min(1).max(1000).describe('80 (STANDARD), 1000 (HIGH), or 20 for numbers shared with the WhatsApp Business app'),
    accessToken: z.string().min(10).max(1000),
    appSecret: z.string().min(8).max(200),
    verifyToken: z.string().min(8).max(200),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change');

export function registerChannelRoutes(app: AppInstance, deps: ChannelDeps): void {
  registerErrorStatuses(app, channelErrorStatuses);
  app.post('/api/v1/channels/whatsapp', {
    config: { access: 'channels.manage' },
    schema: { tags: ['channels'], body: connectBody, response: { 201: channelView } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const row = await connectChannel(deps, principal.workspaceId, actorOf(principal), request.body);
    return reply.status(201).send(toChannelView(deps, row));
  });

  app.get('/api/v1/channels', { config: { access: 'channels.read' }, schema: { tags: ['channels'], response: { 200: z.object({ data: z.array(channelView) }) } } }, async (request) => {
    const rows = await listWorkspaceChannels(deps, requirePrincipal(request).workspaceId);
    return { data: rows.map((row) => toChannelView(deps, row)) };
  });

  app.get('/api/v1/channels/:id', { config: { access: 'channels.read' }, schema: { tags: ['channels'], params: idParams, response: { 200: channelView } } }, async (request) =>
    toChannelView(deps, await getChannel(deps, requirePrincipal(request).workspaceId, request.params.id)),
  );

  app.patch('/api/v1/channels/:id', { config: { access: 'channels.manage' }, schema: { tags: ['channels'], params: idParams, body: patchBody, response: { 200: channelView } } }, async (request) => {
    const principal = requirePrincipal(request);
    return toChannelView(deps, await patchChannel(deps, principal.workspaceId, actorOf(principal), request.params.id, request.body));
  });

  app.delete('/api/v1/channels/:id', { config: { access: 'channels.manage' }, schema: { tags: ['channels'], params: idParams } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await disconnectChannel(deps, principal.workspaceId, actorOf(principal), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/v1/channels/:id/sandbox-phone', {
    config: { access: 'inbox.read' },
    schema: { tags: ['channels'], description: 'The customer-phone page of a sandbox channel (sandbox mode only).', params: idParams, response: { 200: z.object({ url: z.string() }) } },
  }, async (request) => ({ url: await sandboxPhoneUrl(deps, requirePrincipal(request).workspaceId, request.params.id) }));
}
