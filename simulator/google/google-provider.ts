import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { ProviderConfiguration } from 'oidc-provider';
import { CONTACTS_READONLY_SCOPE, type SandboxGoogleUser } from './sandbox-google-users';

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface GoogleProviderOptions {
  /** Absolute URL of the issuer: where the provider is mounted, e.g. http://127.0.0.1:3000/sandbox/google/oidc. */
  issuer: string;
  client: SandboxClient;
  users: Map<string, SandboxGoogleUser>;
  /** Behind a TLS-terminating proxy: X-Forwarded-Proto says the scheme. */
  trustProxy?: boolean;
}

/**
 * A certified OpenID provider (oidc-provider) configured the way Google's accounts server behaves
 * for a web client: authorization code with PKCE (S256), a confidential client, the openid, email
 * and profile scopes plus contacts.readonly, email claims in the ID token, opaque access tokens, and
 * revocation of any token revoking the whole grant (as Google's revocation endpoint does).
 * Everything lives in memory: a restart signs everyone out of the sandbox Google. Loaded only when
 * mounted, so cloud mode never loads the library (nor prints its development warnings).
 */
export async function createGoogleProvider(options: GoogleProviderOptions): Promise<Provider> {
  const { default: OidcProvider, interactionPolicy } = await import('oidc-provider');
  const mount = new URL(options.issuer).pathname.replace(/\/$/, '');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // Google's prompt=select_account (the account chooser), which oidc-provider does not know by default.
  const policy = interactionPolicy.base();
  policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);
  const configuration: ProviderConfiguration = {
    clients: [{
      client_id: options.client.clientId,
      client_secret: options.client.clientSecret,
      redirect_uris: options.client.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    scopes: ['openid', 'email', 'profile', CONTACTS_READONLY_SCOPE],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, revocation: { enabled: true, allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) => token.clientId === client.clientId }, userinfo: { enabled: true } },
    async findAccount(_ctx, sub) {
      const user = options.users.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: user.email, email_verified: user.emailVerified, name: user.name }) };
    },
    interactions: { policy, url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' }] },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 86_400, Grant: 86_400 * 14 },
    // Google puts email, email_verified and name in the ID token of the code flow.
    conformIdTokenClaims: false,
    revokeGrantPolicy: () => true,
  };
  const provider = new OidcProvider(options.issuer, configuration);
  provider.proxy = options.trustProxy ?? false;
  return provider;
}
