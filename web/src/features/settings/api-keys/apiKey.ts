import type { Role } from '../../../app/auth';

// As GET /api/v1/api-keys lists it: the secret itself is only ever in the creation response.
export type ApiKey = { id: string; name: string; role: Role; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
export type ApiKeyList = { data: ApiKey[] };
export type CreatedKey = { id: string; key: string; name: string; role: Role };
