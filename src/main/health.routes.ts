import { z } from 'zod';
import { unsafeCountParkedEnvelopes } from '../modules/channels';
import type { AnyDb } from '../platform/db';
import type { AppInstance } from '../platform/http';

export function registerHealthRoutes(app: AppInstance, db: AnyDb): void {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', {
    schema: {
      tags: ['operations'],
      description: '`parkedEnvelopes`: stored Meta webhooks that failed every processing attempt and wait for an operator (they do not make the process unready). Alert when it is above 0.',
      response: { 200: z.object({ status: z.literal('ready'), parkedEnvelopes: z.number().int() }), 503: z.object({ status: z.literal('unavailable') }) },
    },
  }, async (_request, reply) => {
    try {
      return { status: 'ready' as const, parkedEnvelopes: await unsafeCountParkedEnvelopes(db) };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const });
    }
  });
}
