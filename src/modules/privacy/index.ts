export { createAuditLog, type AuditLog, type Actor, type AuditEntry, type AuditVerification } from './audit/audit-log';
export { registerAuditRoutes } from './audit/audit.routes';
