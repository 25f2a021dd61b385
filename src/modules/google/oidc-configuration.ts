import * as oidc from 'openid-client';
import type { GoogleDeps, GoogleSettings } from './deps';
import { googleErrors } from './errors';

// One discovery per container's settings (forgotten with them); a failed one is tried again next time.
const discovered = new WeakMap<GoogleSettings, Promise<oidc.Configuration>>();

/** The OpenID configuration of Google (or the sandbox provider), discovered from its issuer URL. */
export function oidcConfiguration(deps: GoogleDeps): Promise<oidc.Configuration> {
  const settings = deps.settings;
  if (!settings) throw googleErrors.notConfigured();
  let found = discovered.get(settings);
  if (!found) {
    found = discover(deps, settings).catch((error: unknown) => {
      discovered.delete(settings);
      deps.logger.warn({ err: error }, 'Google OpenID discovery failed');
      throw googleErrors.googleUnavailable();
    });
    discovered.set(settings, found);
  }
  return found;
}

async function discover(deps: GoogleDeps, settings: GoogleSettings): Promise<oidc.Configuration> {
  // Plain http only for the sandbox provider on this server's own (development) URL.
  const insecure = settings.issuerUrl.startsWith('http:');
  const configuration = await oidc.discovery(new URL(settings.issuerUrl), settings.clientId, settings.clientSecret, oidc.ClientSecretPost(settings.clientSecret), {
    [oidc.customFetch]: (url, options) => {
      // openid-client sends strings, form parameters or bytes, never a stream.
      if (options.body instanceof ReadableStream) throw new TypeError('streamed bodies are not sent to Google');
      return deps.http.fetch(url, { method: options.method, headers: options.headers, body: options.body, signal: options.signal });
    },
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  return configuration;
}
