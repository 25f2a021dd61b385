import { fetch as undiciFetch } from 'undici';
import { createGuardedAgent, type OutboundPolicy } from '../../platform/net';

/** The one way this module reaches Google: through the outbound URL guard, with a timeout, never following redirects. */
export interface GoogleHttp {
  fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string | URLSearchParams | Uint8Array | ArrayBuffer | null; signal?: AbortSignal }): Promise<Response>;
  close(): Promise<void>;
}

const TIMEOUT_MS = 10_000;

/**
 * Calls to Google through a guarded agent: every connection is checked after DNS resolution, so
 * a misconfigured issuer URL cannot reach a private network. `allowPrivate` only for the sandbox
 * provider (this process's own URL, built from PUBLIC_URL, never from a user) and for tests.
 */
export function createGoogleHttp(policy: OutboundPolicy): GoogleHttp {
  const agent = createGuardedAgent({ ...policy, connectTimeoutMs: TIMEOUT_MS });
  return {
    async fetch(url, init = {}) {
      const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(TIMEOUT_MS)]) : AbortSignal.timeout(TIMEOUT_MS);
      const response = await undiciFetch(url, { method: init.method, headers: init.headers, body: init.body, redirect: 'manual', dispatcher: agent, signal });
      // undici's Response is the same class Node's global fetch returns; only their type declarations differ.
      return response as unknown as Response;
    },
    close: () => agent.close(),
  };
}
