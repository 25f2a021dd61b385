import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { createGoogleProvider } from './google-provider';
import { interactionPage } from './interaction-page';
import { peopleApiRoutes } from './people-api';
import { PeopleDirectory, type SandboxContact } from './people-directory';
import { defaultSandboxGoogleUsers, type SandboxGoogleUser } from './sandbox-google-users';

export interface GoogleSandboxOptions {
  /** Absolute URL the product is reached at (PUBLIC_URL), e.g. http://127.0.0.1:3000. */
  publicUrl: string;
  /** Where to mount, e.g. '/sandbox/google': the provider at {prefix}/oidc, the People API at {prefix}/people. */
  prefix: string;
  /** The product's redirect URI(s) for its sandbox client. */
  redirectUris: string[];
  /** The product's client at this provider (its secret known to both); a random one when absent. */
  client?: { clientId: string; clientSecret: string };
  clientName?: string;
  trustProxy?: boolean;
}

/** What the product (and tests) need to talk to, and steer, the sandbox Google. */
export interface GoogleSandbox {
  issuer: string;
  peopleApiUrl: string;
  clientId: string;
  clientSecret: string;
  addUser(user: SandboxGoogleUser): void;
  setContacts(sub: string, contacts: SandboxContact[]): void;
  /** Accounts whose grant was revoked through the revocation endpoint, in order. */
  readonly revokedAccounts: readonly string[];
}

/**
 * Google's accounts server and People API for sandbox mode and tests, mounted on the product's
 * own Fastify instance: oidc-provider answers its endpoints (discovery, auth, token, revocation,
 * JWKS, userinfo) on the raw request, the account chooser is ours, the People API reads an
 * in-memory directory and accepts only access tokens this provider issued.
 */
export async function registerGoogleSandbox(app: FastifyInstance, options: GoogleSandboxOptions): Promise<GoogleSandbox> {
  const prefix = options.prefix.replace(/\/$/, '');
  const mount = `${prefix}/oidc`;
  const issuer = `${options.publicUrl}${mount}`;
  const users = new Map(defaultSandboxGoogleUsers.map((u) => [u.sub, u]));
  const client = { clientId: options.client?.clientId ?? 'sandbox-client.apps.googleusercontent.test', clientSecret: options.client?.clientSecret ?? randomBytes(24).toString('base64url'), redirectUris: options.redirectUris };
  const provider = await createGoogleProvider({ issuer, client, users, trustProxy: options.trustProxy });
  const directory = new PeopleDirectory();
  const grantOwners = new Map<string, string>();
  const revokedAccounts: string[] = [];
  // Like Google's revocation endpoint: revoking any token ends every grant the account gave the app.
  provider.on('grant.revoked', (_ctx, grantId) => {
    const owner = grantOwners.get(String(grantId));
    if (!owner) return;
    revokedAccounts.push(owner);
    for (const [id, account] of grantOwners) {
      if (account !== owner) continue;
      grantOwners.delete(id);
      void provider.Grant.find(id).then((grant) => grant?.destroy());
    }
  });

  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))));
    scope.get(`${mount}/interaction/:uid`, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : undefined;
      const choices = [...users.values()].filter((u) => !hint || u.sub === hint || u.email === hint);
      const scopes = String(details.params.scope ?? '').split(' ').filter(Boolean);
      return reply.type('text/html').send(interactionPage({ action: `${mount}/interaction/${details.uid}`, clientName: options.clientName ?? 'WhatGrowPro', scopes, users: choices.length ? choices : [...users.values()] }));
    });
    scope.post(`${mount}/interaction/:uid`, async (request, reply) => {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      const sub = (request.body as { sub?: string } | undefined)?.sub ?? '';
      if (!users.has(sub)) return reply.status(400).type('text/plain').send('Choose one of the listed accounts.');
      const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id });
      // The chooser is also the consent screen: everything the app asked for is granted.
      grant.addOIDCScope(String(details.params.scope ?? ''));
      const grantId = await grant.save();
      grantOwners.set(grantId, sub);
      const to = await provider.interactionResult(request.raw, reply.raw, { select_account: {}, login: { accountId: sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return reply.redirect(to, 303);
    });
    scope.route({ method: ['GET', 'POST', 'OPTIONS'], url: `${mount}/*`, onRequest: forwardTo(provider, mount), handler: async () => undefined });
    await scope.register(peopleApiRoutes, { prefix: `${prefix}/people`, directory, introspect: introspector(provider) });
  });

  return {
    issuer,
    peopleApiUrl: `${options.publicUrl}${prefix}/people`,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    addUser: (user) => void users.set(user.sub, user),
    setContacts: (sub, contacts) => directory.set(sub, contacts),
    revokedAccounts,
  };
}

/** Hands the raw request to oidc-provider, as if it were mounted at `mount` (Express style). */
function forwardTo(provider: Provider, mount: string) {
  const handle = provider.callback();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.raw;
    const url = raw.url ?? '/';
    Object.assign(raw, { originalUrl: url, url: url.slice(mount.length) || '/' });
    reply.hijack();
    handle(raw, reply.raw);
    return reply;
  };
}

function introspector(provider: Provider) {
  return async (token: string) => {
    const found = await provider.AccessToken.find(token);
    // A token whose grant was revoked (disconnect) is refused, as Google refuses it.
    if (!found || found.isExpired || !(await provider.Grant.find(found.grantId))) return null;
    return { sub: found.accountId, scopes: (found.scope ?? '').split(' ').filter(Boolean) };
  };
}
