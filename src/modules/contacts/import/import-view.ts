import { z } from 'zod';
import { withTenant } from '../../../platform/db';
import { notFound } from '../../../platform/http';
import type { ContactsDeps } from '../deps';
import { findImport } from './import.repository';

export const importView = z.object({
  id: z.string(),
  status: z.enum(['queued', 'processing', 'completed', 'failed']),
  totalRows: z.number(),
  processedRows: z.number(),
  created: z.number(),
  updated: z.number(),
  errorCount: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.string().nullable(), code: z.string(), message: z.string() })),
  noticeCount: z.number(),
  notices: z.array(z.object({ line: z.number(), column: z.string(), code: z.string(), message: z.string() })).describe('Lines imported without all they asked for, e.g. marketing consent kept withdrawn because the customer withdrew it themselves.'),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importView>;

/** An import's progress and per-row errors (the file itself is never shown). */
export async function getContactImport(deps: ContactsDeps, workspaceId: string, id: string): Promise<ImportView> {
  const row = await withTenant(deps.db, workspaceId, (tx) => findImport(tx, workspaceId, id));
  if (!row) throw notFound('import');
  return {
    id: row.id, status: row.status, totalRows: row.total_rows, processedRows: row.processed_rows, created: row.created, updated: row.updated,
    errorCount: row.error_count, errors: row.errors, noticeCount: row.notice_count, notices: row.notices, createdAt: row.created_at.toISOString(), completedAt: row.completed_at?.toISOString() ?? null,
  };
}
