// Row types of the privacy module's tables (besides the audit log's, in audit/audit.repository.ts).

export interface ErasureCertificateRow {
  workspace_id: string;
  id: string;
  contact_id: string;
  issued_at: Date;
  /** The signed certificate as issued. */
  document: unknown;
}

export interface PrivacyTables {
  erasure_certificates: ErasureCertificateRow;
}
