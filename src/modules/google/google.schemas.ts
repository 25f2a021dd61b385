import { z } from 'zod';

export const authorizationResponse = z.object({ authorizationUrl: z.string().describe('Send the browser here (Google, or the sandbox provider); it comes back to /api/v1/auth/google/callback.') });

export const pendingResponse = z.object({
  kind: z.enum(['signup', 'link']).describe('signup: confirm 18+ and name a workspace (POST /api/v1/auth/google/signup); link: prove the existing account with its password (POST /api/v1/auth/google/link).'),
  email: z.string(),
  name: z.string(),
});

export const googleSignUpBody = z.object({
  workspaceName: z.string().trim().min(1).max(120),
  ageConfirmed: z.literal(true).describe('Required: the person confirms they are 18 or older. Without it: 422 age_confirmation_required.'),
  policyVersion: z.string().trim().min(1).max(40).describe('The version of the privacy policy shown to the person (its date), recorded in the audit log.'),
});

export const googleLinkBody = z.object({ password: z.string().max(200) });

export const googleStatusResponse = z.object({
  available: z.boolean().describe('Whether this server offers Google sign-in and import (configured, or sandbox mode).'),
  linked: z.boolean(),
  linkedAt: z.string().nullable(),
});

export const previewResponse = z.object({
  id: z.string(),
  totalRows: z.number().describe('Phone numbers read (a contact with two numbers counts twice).'),
  validRows: z.number(),
  withoutPhone: z.number().describe('Contacts with no phone number: not imported.'),
  expiresAt: z.string(),
  sample: z.array(z.object({ name: z.string().nullable(), phone: z.string() })).describe('The first valid rows.'),
  errorCount: z.number(),
  errors: z.array(z.object({ line: z.number(), column: z.string().nullable(), code: z.string(), message: z.string(), name: z.string().nullable() })).describe('Rows that would fail, by the CSV import\'s own rules (line 2 = the first number), at most 500.'),
});
