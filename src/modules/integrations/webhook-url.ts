import { BlockList, isIP } from 'node:net';
import { integrationErrors } from './errors';

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast and reserved ranges.
const privateRanges = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  privateRanges.addSubnet(net, prefix, 'ipv6');
}

/** True for addresses a webhook must not reach in production (SSRF into our own network). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return privateRanges.check(mapped[1]!, 'ipv4');
  const family = isIP(bare);
  if (family === 4) return privateRanges.check(bare, 'ipv4');
  if (family === 6) return privateRanges.check(bare, 'ipv6');
  return false;
}

/**
 * Checks a subscription URL: absolute http(s), no credentials, and, unless private targets are
 * allowed (WEBHOOKS_ALLOW_PRIVATE_URLS, for development and tests), no loopback or private host.
 * Host names are resolved again at every delivery (see post-webhook.ts), so DNS cannot be used to
 * slip past this check later.
 */
export function validateWebhookUrl(value: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw integrationErrors.invalidUrl('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw integrationErrors.invalidUrl('only http and https URLs are allowed');
  if (url.username || url.password) throw integrationErrors.invalidUrl('credentials in the URL are not allowed; verify the signature instead');
  if (!allowPrivate) {
    const host = url.hostname.toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || isPrivateAddress(host)) {
      throw integrationErrors.invalidUrl('loopback and private network addresses are not allowed');
    }
  }
  url.hash = '';
  return url.toString();
}
