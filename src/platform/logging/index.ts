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

/** What a log line says of a request that matched no route: its path is caller-supplied text too. */
export const UNMATCHED_ROUTE = '(no route)';

interface LoggedRequest {
  method?: string;
  is404?: boolean;
  routeOptions?: { url?: string };
}

/**
 * Whatever logs a request object (a library, a stray `{ req }`) gets its method and route
 * template only: never the raw URL, its query string or the headers.
 */
const serializers = {
  req: (req: LoggedRequest) => ({ method: req.method, route: (req.is404 ? undefined : req.routeOptions?.url) ?? UNMATCHED_ROUTE }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

export function createLogger(options: { level: string; name?: string; destination?: pino.DestinationStream }): Logger {
  // Command-line tools keep stdout for their result, so logs go to stderr unless a test captures them.
  return pino(
    {
      level: options.level,
      name: options.name ?? 'whatgrow',
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err, ...serializers },
      base: undefined,
    },
    options.destination ?? pino.destination(2),
  );
}
