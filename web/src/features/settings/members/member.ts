import type { ApiItem, ApiResponse } from '../../../app/apiSchema';

// A member as GET /api/v1/members returns it; the id is the user's id.
export type Member = ApiItem<'/api/v1/members'>;
export type MemberList = ApiResponse<'/api/v1/members'>;
