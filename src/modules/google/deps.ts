import type { Clock } from '../../platform/clock';
import type { Keyring } from '../../platform/crypto';
import type { AnyDb } from '../../platform/db';
import type { Logger } from '../../platform/logging';
import type { AuthDeps } from '../auth';
import type { ContactsDeps } from '../contacts';
import type { AuditLog } from '../privacy';
import type { GoogleHttp } from './google-http';

/** Where Google is, and this server's OAuth client there (Google's, or the sandbox's own provider). */
export interface GoogleSettings {
  clientId: string;
  clientSecret: string;
  issuerUrl: string;
  /** Base of the People API, e.g. https://people.googleapis.com. */
  peopleApiUrl: string;
}

export interface GoogleDeps {
  db: AnyDb;
  keyring: Keyring;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  auth: AuthDeps;
  contacts: ContactsDeps;
  publicUrl: string;
  /** null: no Google on this server (cloud mode without GOOGLE_CLIENT_ID): the routes answer 404. */
  settings: GoogleSettings | null;
  /** Seals the short-lived flow cookies (state, nonce, PKCE verifier; a pending sign-up's claims). */
  cookieKey: Buffer;
  /** Every call to Google (or the sandbox) goes through the outbound URL guard. */
  http: GoogleHttp;
}

export const redirectUriOf = (deps: Pick<GoogleDeps, 'publicUrl'>) => `${deps.publicUrl}/api/v1/auth/google/callback`;
