import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { AuditLog } from './audit/audit-log';
import type { CertificateSigner } from './certificates/certificate-signer';
import type { PersonalDataPart } from './personal-data';

export interface PrivacyDeps {
  db: AnyDb;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  signer: CertificateSigner;
  /** Every module's part of a person's data, contacts first (it answers whether the person exists). */
  parts: PersonalDataPart[];
}
