import { sql } from 'kysely';
import { z } from 'zod';
import type { AnyDb } from '../platform/db';
import type { AppInstance } from '../platform/http';

export function registerHealthRoutes(app: AppInstance, db: AnyDb): void {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', { schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable') }) } } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ready' as const };
    } catch {
      return reply.status(503).send({ status: 'unavailable' as const });
    }
  });
}
