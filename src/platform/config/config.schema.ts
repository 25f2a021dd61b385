import { z } from 'zod';

const base64Key = z
  .string()
  .refine((value) => {
    const bytes = Buffer.from(value, 'base64');
    return bytes.length === 32 && bytes.toString('base64') === value.replace(/\s/g, '');
  }, 'must be base64 of exactly 32 bytes (generate one with: openssl rand -base64 32)');

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** The whole environment of the product, as documented in api-contract.md. */
export const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    MASTER_KEY: base64Key.optional(),
    /** Comma-separated previous master keys, kept only to unwrap workspace keys during a rotation. */
    MASTER_KEY_PREVIOUS: z
      .string()
      .optional()
      .transform((value) => (value ? value.split(',').map((k) => k.trim()).filter(Boolean) : []))
      .pipe(z.array(base64Key)),
    PUBLIC_URL: z.string().url('must be an absolute URL such as https://app.example.com').optional(),
    WHATSAPP_MODE: z.enum(['sandbox', 'cloud']).default('sandbox'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    TRUST_PROXY: booleanFlag.default(false),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * Lets channels' Graph base URLs and outgoing webhooks reach loopback and private networks
     * (development, tests, benchmarks); off by default (SSRF guard). WEBHOOKS_ALLOW_PRIVATE_URLS is its older name.
     */
    OUTBOUND_ALLOW_PRIVATE_URLS: booleanFlag.optional(),
    WEBHOOKS_ALLOW_PRIVATE_URLS: booleanFlag.optional(),
    /** Sign in with Google and Google Contacts import: the OAuth client of a Google Cloud project (both or neither). */
    GOOGLE_CLIENT_ID: z.string().min(1).optional(),
    GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
    GOOGLE_ISSUER_URL: z.string().url('must be an absolute URL such as https://accounts.google.com').default('https://accounts.google.com'),
    GOOGLE_PEOPLE_API_URL: z.string().url('must be an absolute URL such as https://people.googleapis.com').default('https://people.googleapis.com'),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.MASTER_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['MASTER_KEY'],
        message: 'is required when DATABASE_URL is set (base64 of 32 bytes; keep it in your secret store)',
      });
    }
    if (!env.GOOGLE_CLIENT_ID !== !env.GOOGLE_CLIENT_SECRET) {
      const missing = env.GOOGLE_CLIENT_ID ? 'GOOGLE_CLIENT_SECRET' : 'GOOGLE_CLIENT_ID';
      ctx.addIssue({ code: 'custom', path: [missing], message: 'is required with the other Google client variable (both or neither)' });
    }
  });

export type Environment = z.infer<typeof environmentSchema>;
