import { environmentSchema } from './config.schema';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  previousMasterKeys: string[];
  publicUrl: string;
  whatsappMode: 'sandbox' | 'cloud';
  logLevel: string;
  chromiumPath: string;
  trustProxy: boolean;
  databasePoolSize: number;
  /** Graph base URLs and outgoing webhooks may target loopback/private addresses (development and tests only). */
  outboundAllowPrivateUrls: boolean;
  /**
   * Google's OAuth client, when configured; without one, sandbox mode runs a local OpenID provider
   * and People API in the process instead, and cloud mode offers no Google sign-in.
   */
  google: { clientId: string; clientSecret: string } | null;
  googleIssuerUrl: string;
  googlePeopleApiUrl: string;
}

/** A bad environment: names every variable that is wrong, so start-up can stop with a useful message. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; the only place in the product that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '(environment)'), message: issue.message })),
    );
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    masterKey: e.MASTER_KEY,
    previousMasterKeys: e.MASTER_KEY_PREVIOUS,
    publicUrl: (e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/$/, ''),
    whatsappMode: e.WHATSAPP_MODE,
    logLevel: e.LOG_LEVEL,
    chromiumPath: e.CHROMIUM_PATH,
    trustProxy: e.TRUST_PROXY,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    outboundAllowPrivateUrls: e.OUTBOUND_ALLOW_PRIVATE_URLS ?? e.WEBHOOKS_ALLOW_PRIVATE_URLS ?? false,
    google: e.GOOGLE_CLIENT_ID && e.GOOGLE_CLIENT_SECRET ? { clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET } : null,
    googleIssuerUrl: e.GOOGLE_ISSUER_URL.replace(/\/$/, ''),
    googlePeopleApiUrl: e.GOOGLE_PEOPLE_API_URL.replace(/\/$/, ''),
  });
}
