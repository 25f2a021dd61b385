export { isConnectionLoss, faultBackoffMs } from './connection-loss';
export { openDatabase, type AnyDb, type Database } from './open-database';
export { migrate } from './migrate';
export { withTenant, type TenantTx } from './with-tenant';
export type { DB } from './schema.generated';
export { newId } from './ids';
export { DataDirLockedError } from './data-dir-lock';
export { refreshStatistics } from './refresh-statistics';
export { vacuumQueue } from './vacuum';
