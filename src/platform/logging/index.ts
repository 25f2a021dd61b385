import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Paths whose values never reach a log line: credentials, tokens, and the personal data our
 * clients' customers entrust to us (phones, names, message bodies). Logs are a data store too.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.appSecret',
  '*.verifyToken',
  '*.apiKey',
  '*.token',
  '*.secret',
  '*.phone',
  '*.to',
  '*.from',
  '*.waId',
  '*.wa_id',
  '*.email',
  '*.name',
  '*.body',
  '*.text',
  '*.content',
];

export function createLogger(options: { level: string; name?: string }): Logger {
  // Command-line tools keep stdout for their result, so logs always go to stderr.
  return pino(
    {
      level: options.level,
      name: options.name ?? 'whatgrow',
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: undefined,
    },
    pino.destination(2),
  );
}
