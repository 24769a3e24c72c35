import ipaddr from 'ipaddr.js';

/**
 * ipaddr.js ranges a local receiver may be in when local targets are allowed (embedded mode, tests). Link-local
 * (169.254.0.0/16, fe80::/10) is never among them: 169.254.169.254 is the cloud metadata endpoint.
 */
const localRanges = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

/**
 * Whether a webhook may be sent to `address`: only public unicast addresses, unless `allowLocal`, which adds
 * loopback and private ones (never link-local). IPv4-mapped IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address it maps; every
 * other special range of ipaddr.js (multicast, broadcast, unspecified, reserved, documentation, benchmarking,
 * 6to4 / Teredo / NAT64 that embed an IPv4 address, …) is refused. Returns the refusal's reason, or null.
 */
export function refusedBecause(address: string, allowLocal: boolean): string | null {
  if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (allowLocal && localRanges.has(range)) return null;
  return `${parsed.toString()} is ${range}`;
}
