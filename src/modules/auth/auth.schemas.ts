import { z } from 'zod';
import { roles } from './permissions';

export const roleSchema = z.enum(roles);
const email = z.string().trim().max(254).email('must be an email address');

export const signUpBody = z.object({
  email,
  password: z.string().min(10, 'must be at least 10 characters').max(200),
  name: z.string().trim().min(1).max(120),
  workspaceName: z.string().trim().min(1).max(120),
  ageConfirmed: z.literal(true).describe('Required: the person confirms they are 18 or older. Without it: 422 age_confirmation_required.'),
});

export const logInBody = z.object({ email: z.string().max(254), password: z.string().max(200) });

export const meResponse = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema })),
  currentWorkspaceId: z.string().nullable(),
  role: roleSchema.nullable(),
  mode: z.enum(['sandbox', 'cloud']),
  csrfToken: z.string().nullable(),
  permissions: z.array(z.string()).describe('What the role may do in the current workspace, from the permission matrix below: the dashboard shows only what the server would allow.'),
});

// Any string is an id; one that names nothing in the workspace is 404, whatever its format.
export const idParams = z.object({ id: z.string() });
