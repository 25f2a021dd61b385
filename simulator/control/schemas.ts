// zod schemas of the control API bodies (POST /_sim/...).
import { z } from 'zod';
import { MESSAGING_LIMITS } from '../engine/numbers';
import { SimError } from '../engine/sim-error';

const customer = z.object({
  waId: z.string().regex(/^\+?\d{6,15}$/, 'waId must be a phone number in international format'),
  name: z.string().max(256).optional(),
  userId: z.string().min(1).optional(),
  username: z.string().max(64).optional(),
  phoneHidden: z.boolean().optional(),
});

const mps = z.number().int().min(1).max(1_000_000);

export const registerNumberSchema = z.object({
  phoneNumberId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'phoneNumberId must be 1-64 letters, digits, _ or -'),
  wabaId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'wabaId must be 1-64 letters, digits, _ or -'),
  displayPhoneNumber: z.string().regex(/^\+?[\d\s\-().]{6,30}$/, 'displayPhoneNumber must be a phone number'),
  accessToken: z.string().min(8),
  appSecret: z.string().min(8),
  webhookUrl: z.url({ protocol: /^https?$/ }),
  verifyToken: z.string().min(1).optional(),
  verifiedName: z.string().max(256).optional(),
  throughputMps: mps.optional(),
  apiVersion: z.string().regex(/^v\d+\.\d+$/, 'apiVersion looks like v24.0').optional(),
  customers: z.array(customer).max(1000).optional(),
  phoneKey: z.string().min(16).max(128).optional(),
  allowedRecipients: z.array(z.string()).max(5).optional(),
});

export const patchNumberSchema = z
  .object({
    throughputMps: mps.optional(),
    qualityRating: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']).optional(),
    messagingLimit: z.enum(MESSAGING_LIMITS).optional(),
    statusWebhooks: z.boolean().optional(),
    webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
    allowedRecipients: z.array(z.string()).max(5).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const faultSchema = z.object({
  phoneNumberId: z.string().min(1),
  code: z.number().int().nonnegative(),
  count: z.number().int().min(1).max(1_000_000).default(1),
  /** Overrides how Meta usually reports the code. */
  delivery: z.enum(['sync', 'async']).optional(),
  details: z.string().max(1000).optional(),
});

export const clockSchema = z.object({ advanceSeconds: z.number().int().min(0).max(10 * 365 * 24 * 3600) });

export const webhookSchema = z
  .object({
    phoneNumberId: z.string().min(1).optional(),
    wabaId: z.string().min(1).optional(),
    field: z.string().regex(/^[a-z_]+$/),
    value: z.record(z.string(), z.unknown()),
  })
  .refine((v) => Boolean(v.phoneNumberId) !== Boolean(v.wabaId), 'give exactly one of phoneNumberId and wabaId');

export const templateChangeSchema = z
  .object({
    status: z.enum(['APPROVED', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING', 'FLAGGED', 'REINSTATED', 'LIMIT_EXCEEDED', 'ARCHIVED', 'LOCKED']).optional(),
    reason: z.string().max(100).optional(),
    quality: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']).optional(),
    category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']).optional(),
    pacing: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const addCustomerSchema = customer;

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new SimError(400, 'validation_failed', `Invalid request: ${issues.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ')}`, { issues });
}
