export { createAuditLog, type AuditLog, type Actor } from './audit/audit-log';
export { registerAuditRoutes } from './audit/audit.routes';
