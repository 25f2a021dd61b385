import type { Role } from '../../../app/auth';

// A member as GET /api/v1/members returns it; the id is the user's id.
export type Member = { id: string; email: string; name: string; role: Role; joinedAt: string };
export type MemberList = { data: Member[] };
