import { idempotencyHeaders, idempotent, type AppInstance } from '../../../platform/http';
import { actorOf, requirePrincipal } from '../../auth';
import type { MessagesDeps } from '../deps';
import { sendMessageRequest } from './send-message-request';
import { sendAccepted, sendMessageBody } from './send-message.schema';

const SEND_ROUTE = 'POST /api/v1/messages';

export function registerOutboundRoutes(app: AppInstance, deps: MessagesDeps): void {
  app.post('/api/v1/messages', {
    config: { access: 'inbox.write' },
    schema: {
      tags: ['messages'],
      description: "Sends a message: Meta's message object unchanged plus `to` | `contactId` and `channelId`. Window, consent and template are checked before anything is queued. `context.message_id` may be our message id (sent as its wamid) or a wamid; media ids of our uploads must exist in the workspace (`media_not_found`), Meta's media ids pass through. Each accepted send is audited. Honors `Idempotency-Key`.",
      headers: idempotencyHeaders,
      body: sendMessageBody,
      response: { 202: sendAccepted },
    },
  }, async (request, reply) => {
    const p = requirePrincipal(request);
    const answer = await idempotent({ ...deps, statuses: request.server.errorStatuses }, p.workspaceId, SEND_ROUTE, request.headers['idempotency-key'], request.body, async (tx) => ({ status: 202, body: await sendMessageRequest(deps, tx, p.workspaceId, actorOf(p), request.body) }));
    return reply.status(202).send(answer.body);
  });
}
