import { createHmac } from 'node:crypto';
import type { GoogleSettings } from './deps';

/** Where sandbox mode mounts its stand-in for Google: the OpenID provider at …/oidc, the People API at …/people. */
export const SANDBOX_GOOGLE_PATH = '/sandbox/google';
const SANDBOX_CLIENT_ID = 'whatgrowpro-sandbox.apps.googleusercontent.test';

/**
 * The sandbox client: the in-process provider on this server's own URL. Its secret is derived
 * from the cookie key, so every process of one installation agrees on it without configuration.
 */
export function sandboxGoogleSettings(publicUrl: string, cookieKey: Buffer): GoogleSettings {
  return {
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: createHmac('sha256', cookieKey).update('sandbox-google-client-secret').digest('base64url'),
    issuerUrl: `${publicUrl}${SANDBOX_GOOGLE_PATH}/oidc`,
    peopleApiUrl: `${publicUrl}${SANDBOX_GOOGLE_PATH}/people`,
  };
}
