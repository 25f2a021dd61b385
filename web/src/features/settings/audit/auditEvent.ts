// As GET /api/v1/audit-events returns it: ids and metadata, never message content.
export type AuditEvent = {
  id: string;
  seq: number;
  at: string;
  actor: { type: string; id: string | null };
  action: string;
  target: { type: string; id: string } | null;
  ip: string | null;
  details: Record<string, unknown>;
  hash: string;
};
export type AuditPage = { data: AuditEvent[]; nextCursor: string | null };
export type ChainCheck = { valid: boolean; count: number; head: string; brokenAtSeq?: number };
