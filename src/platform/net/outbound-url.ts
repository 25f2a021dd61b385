import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { platformErrors } from '../http';
import { bareHost, isPublicAddress } from './address-policy';

export const urlNotAllowed = platformErrors.urlNotAllowed;

/** Whether loopback and private networks may be reached: development, tests and benchmarks only. */
export interface OutboundPolicy {
  allowPrivate: boolean;
}

/** A URL someone gave us to call: absolute http(s), no user name or password in it (they would leak into logs and Referer-like places). */
export function parseOutboundUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw urlNotAllowed();
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname) throw urlNotAllowed();
  return url;
}

/**
 * The addresses a host stands for, each of them public, else `url_not_allowed`. An IP literal is
 * its own address; the URL parser has already turned decimal, octal and hexadecimal IPv4 forms
 * (`2130706433`, `0177.0.0.1`, `0x7f.1`) into dotted quads. A name that does not resolve is refused
 * like a private one, so the answer says nothing about which names exist inside a network.
 */
export async function resolvePublicAddresses(hostname: string): Promise<string[]> {
  const host = bareHost(hostname);
  if (isIP(host)) {
    if (!isPublicAddress(host)) throw urlNotAllowed();
    return [host];
  }
  let addresses: string[];
  try {
    addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw urlNotAllowed();
  }
  if (!addresses.length || !addresses.every(isPublicAddress)) throw urlNotAllowed();
  return addresses;
}

/**
 * Checks a URL before it is stored (an outgoing webhook's target): its form, then, unless private
 * targets are allowed, the addresses its host resolves to now. Each later connection is checked
 * again by the guarded agent, since DNS answers change. Returns the URL normalized, without fragment.
 */
export async function checkOutboundUrl(value: string, policy: OutboundPolicy): Promise<string> {
  const url = parseOutboundUrl(value);
  if (!policy.allowPrivate) await resolvePublicAddresses(url.hostname);
  url.hash = '';
  return url.toString();
}
