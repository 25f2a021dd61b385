import type { ApiItem, ApiResponse } from '../../../app/apiSchema';

// As GET /api/v1/api-keys lists it: the secret itself is only ever in the creation response.
export type ApiKey = ApiItem<'/api/v1/api-keys'>;
export type ApiKeyList = ApiResponse<'/api/v1/api-keys'>;
export type CreatedKey = ApiResponse<'/api/v1/api-keys', 'post'>;
