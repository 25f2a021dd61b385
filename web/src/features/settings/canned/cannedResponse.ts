import type { ApiBody, ApiItem } from '../../../app/apiSchema';

export type CannedResponse = ApiItem<'/api/v1/canned-responses'>;
export type CannedResponseInput = ApiBody<'/api/v1/canned-responses', 'post'>;

export const CANNED_RESPONSES_PATH = '/canned-responses?limit=200';
