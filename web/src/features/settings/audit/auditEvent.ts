import type { ApiItem, ApiResponse } from '../../../app/apiSchema';

// As GET /api/v1/audit-events returns it: ids and metadata, never message content.
export type AuditEvent = ApiItem<'/api/v1/audit-events'>;
export type AuditPage = ApiResponse<'/api/v1/audit-events'>;
export type ChainCheck = ApiResponse<'/api/v1/audit-events/verify'>;
