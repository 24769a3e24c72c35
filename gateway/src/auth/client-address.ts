import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * The network address a request came from, as identity's login limits count it. By default the socket's
 * peer: `X-Forwarded-For` is written by whoever sends the request, so trusting it lets any client be any
 * address. Behind proxies of your own, list their addresses (`GATEWAY_TRUSTED_PROXIES`): `X-Forwarded-For`
 * is then read from the right, skipping each hop that is one of them, and the first other address is the
 * client — only a trusted proxy's word is taken, so a client calling the gateway directly cannot pose as
 * another, and a hop a client wrote before the proxy's is never reached (a hop count could not tell a
 * direct caller from the proxy where both reach the gateway, as in docker-compose).
 */
export function clientAddressOf(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedProxies: TrustedProxies): string {
  let client = unmapped(req.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.trusts(client)) return client;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((hop) => unmapped(hop.trim()));
  for (let i = hops.length - 1; i >= 0 && trustedProxies.trusts(client); i -= 1) {
    const hop = hops[i]!;
    // A proxy that wrote something other than an address is misconfigured: keep the last address we believe.
    if (!isIP(hop)) break;
    client = hop;
  }
  return client;
}

export interface TrustedProxies {
  trusts(address: string): boolean;
}

/** `GATEWAY_TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges (`10.0.0.0/8, ::1`); empty trusts none. */
export function trustedProxies(list: string): TrustedProxies {
  const blocks = new BlockList();
  for (const entry of list.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) throw new Error(`GATEWAY_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) blocks.addAddress(address!, type);
    else blocks.addSubnet(address!, Number(prefix), type);
  }
  return {
    trusts: (address) => {
      const family = isIP(address);
      return family !== 0 && blocks.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/** `::ffff:203.0.113.7` (an IPv4 client on a dual-stack socket) is `203.0.113.7`. */
function unmapped(address: string): string {
  const v4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return v4 ? v4[1]! : address;
}
