import { z } from 'zod';
import type { AppInstance } from '../../../platform/http';
import { requirePrincipal } from '../../auth';
import type { MessagesDeps } from '../deps';
import { markConversationRead } from './mark-read';

/** `POST /api/v1/conversations/:id/read`: the dashboard calls it when an agent opens a conversation. */
export function registerMarkReadRoute(app: AppInstance, deps: MessagesDeps): void {
  app.post('/api/v1/conversations/:id/read', {
    config: { access: 'inbox.write' },
    schema: {
      tags: ['inbox'],
      description: "Marks the conversation read: when the workspace setting markReadOnOpen is on, Meta's read receipt (blue ticks) is sent for the newest inbound message, once per message. `markedRead` says whether that message is marked read.",
      params: z.object({ id: z.string() }),
      response: { 200: z.object({ markedRead: z.boolean() }) },
    },
  }, async (request) => markConversationRead(deps, requirePrincipal(request), request.params.id));
}
