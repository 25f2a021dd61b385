import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { bareHost, isPublicAddress } from './address-policy';
import type { OutboundPolicy } from './outbound-url';

/** The error code of a connection the guard refused (classified like a refused connection: nothing was sent). */
export const ADDRESS_REFUSED = 'ERR_ADDRESS_NOT_PUBLIC';

const refusal = () => Object.assign(new Error('The address is not on the public internet'), { code: ADDRESS_REFUSED });

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * DNS resolution at connect time that refuses non-public answers. The socket connects to exactly
 * the addresses checked here, so a name that resolved to a public address when it was stored
 * (or at the previous connection) and to 127.0.0.1 now (DNS rebinding) is refused now.
 */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (!addresses.length || !addresses.every((a) => isPublicAddress(a.address))) return callback(refusal(), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

export interface GuardedAgentOptions extends OutboundPolicy {
  connectTimeoutMs: number;
  connections?: number;
  pipelining?: number;
}

/**
 * An undici Agent whose every new connection is checked by address: an IP literal before
 * connecting (Node skips the lookup for those), a name through `publicOnlyLookup`. Requests made
 * through it follow no redirects (undici's dispatch never does), so a 3xx pointing into a private
 * network goes nowhere. With `allowPrivate` it is a plain agent.
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const base = { timeout: options.connectTimeoutMs };
  const connect = options.allowPrivate ? buildConnector(base) : guardedConnector(buildConnector({ ...base, lookup: publicOnlyLookup }));
  return new Agent({ connections: options.connections ?? null, pipelining: options.pipelining ?? 1, connect });
}

function guardedConnector(connector: buildConnector.connector): buildConnector.connector {
  return (connectOptions, callback) => {
    const host = bareHost(connectOptions.hostname);
    if (isIP(host) && !isPublicAddress(host)) {
      callback(refusal(), null);
      return;
    }
    connector(connectOptions, callback);
  };
}
