import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * One strict policy for every response: the dashboard (web/dist), the docs (/docs, swagger-ui)
 * and the API. Both pages load only their own scripts and styles from this origin, so nothing
 * inline is allowed; images and media may be `data:`/`blob:` URLs the pages build themselves.
 * No page may be framed (clickjacking). Pages that need a different policy (the sandbox's
 * customer phone) set their own header, which replaces this one.
 */
function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // Over plain HTTP (development, the sandbox on 127.0.0.1) upgrading would break every request.
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The header value of a policy (helmet's own serialization of the same directives). */
const cspHeader = (directives: Record<string, string[]>) =>
  Object.entries(directives).map(([name, sources]) => [name, ...sources].join(' ')).join(';');

/**
 * The one <style> element swagger-ui's bundle inserts at run time (React renders it, so it cannot
 * be served as a file): allowed by its hash on /docs only, not by 'unsafe-inline'. Found by
 * loading /docs in Chromium under the policy; a new swagger-ui version may need a new hash.
 */
export const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

export const docsContentSecurityPolicy = (https: boolean) => {
  const directives = contentSecurityPolicy(https);
  return cspHeader({ ...directives, 'style-src': [...directives['style-src']!, SWAGGER_UI_STYLE_HASH] });
};

/**
 * Security headers through helmet: CSP, X-Frame-Options DENY, nosniff, Referrer-Policy, and HSTS
 * only when the product is served over https (a browser would otherwise refuse plain-HTTP
 * development on the same host for a year).
 */
export async function installSecurityHeaders(app: FastifyInstance, options: { publicUrl: string }): Promise<void> {
  const https = options.publicUrl.startsWith('https:');
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    frameguard: { action: 'deny' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    xContentTypeOptions: true,
  });
}
