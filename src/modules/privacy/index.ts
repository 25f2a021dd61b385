export { createAuditLog, type AuditLog, type Actor } from './audit/audit-log';
export { registerAuditRoutes } from './audit/audit.routes';
export { registerPrivacyRoutes } from './privacy.routes';
export type { PrivacyDeps } from './deps';
export type { DataSubject, ErasedPart, ExportedPart, ExportFile, PersonalDataPart } from './personal-data';
export { createCertificateSigner } from './certificates/certificate-signer';
export { parsePublicKey, verifyCertificate } from './certificates/verify-certificate';
