import { BlockList, isIP } from 'node:net';

// IPv4: everything in IANA's special-purpose registry (RFC 6890 and successors) is out of bounds:
// "this network", private (RFC 1918), carrier-grade NAT, loopback, link-local (where cloud metadata
// services listen), IETF protocol assignments, documentation, 6to4 relays, benchmarking, multicast,
// reserved and broadcast.
const specialV4: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.31.196.0', 24], ['192.52.193.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['192.175.48.0', 24], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

// IPv6: only global unicast (2000::/3) can be public, which already excludes unspecified, loopback,
// IPv4-mapped and IPv4-compatible forms (::ffff:127.0.0.1, ::127.0.0.1), unique-local, link-local,
// site-local and multicast. Inside 2000::/3, the ranges that embed or relay to an IPv4 address
// (Teredo, 6to4, NAT64) could lead back into a private network, and the rest are not routable.
const specialV6: [string, number][] = [
  ['2001::', 23], ['2001:db8::', 32], ['2002::', 16], ['3fff::', 20], ['64:ff9b::', 96], ['64:ff9b:1::', 48],
];

const refused = new BlockList();
for (const [network, prefix] of specialV4) refused.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of specialV6) refused.addSubnet(network, prefix, 'ipv6');
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');

/** Strips the brackets of an IPv6 literal as URL.hostname writes it (`[::1]`). */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Whether an IP address is on the public internet. Anything else (not an address at all
 * included) is refused: an outbound request must never reach our own hosts or networks.
 */
export function isPublicAddress(address: string): boolean {
  const ip = bareHost(address);
  const family = isIP(ip);
  if (family === 4) return !refused.check(ip, 'ipv4');
  // Node's BlockList matches an IPv4-mapped address against IPv4 rules; the global-unicast test
  // refuses every mapped form before that can matter.
  if (family === 6) return globalUnicastV6.check(ip, 'ipv6') && !refused.check(ip, 'ipv6');
  return false;
}
