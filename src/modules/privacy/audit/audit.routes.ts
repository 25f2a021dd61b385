import { z } from 'zod';
import { withTenant, type AnyDb } from '../../../platform/db';
import { pageQuery, type AppInstance } from '../../../platform/http';
import type { AuditLog } from './audit-log';
import { listEvents } from './audit.repository';

const auditEventView = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ type: z.string(), id: z.string().nullable() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

// The audit log pages by sequence number (newest first); the cursor is the last seq seen. At most
// 15 digits: any longer number is no sequence this API returned, and would overflow the bigint column.
const auditQuery = pageQuery.extend({ cursor: z.string().regex(/^\d{1,15}$/, 'must be a cursor this API returned').optional() });

export function registerAuditRoutes(app: AppInstance, deps: { db: AnyDb; audit: AuditLog }): void {
  app.get('/api/v1/audit-events', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], querystring: auditQuery, response: { 200: z.object({ data: z.array(auditEventView), nextCursor: z.string().nullable() }) } },
  }, async (request) => {
    const workspaceId = request.principal!.workspaceId;
    const { limit, cursor } = request.query;
    const rows = await withTenant(deps.db, workspaceId, (tx) => listEvents(tx, workspaceId, cursor ? Number(cursor) : undefined, limit + 1));
    const page = rows.slice(0, limit);
    return {
      data: page.map((r) => ({
        id: r.id,
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actor: { type: r.actor_type, id: r.actor_id },
        action: r.action,
        target: r.target_type && r.target_id ? { type: r.target_type, id: r.target_id } : null,
        ip: r.ip,
        details: r.details,
        hash: r.hash,
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
    };
  });

  app.get('/api/v1/audit-events/verify', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], response: { 200: z.object({ valid: z.boolean(), count: z.number(), head: z.string(), brokenAtSeq: z.number().optional() }) } },
  }, async (request) => {
    const workspaceId = request.principal!.workspaceId;
    return withTenant(deps.db, workspaceId, (tx) => deps.audit.verify(tx, workspaceId));
  });
}

