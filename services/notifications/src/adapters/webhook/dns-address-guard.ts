import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { AddressGuard, CheckedAddress, RefusedAddress } from '../../application/ports/address-guard.js';
import { refusedBecause } from './address-policy.js';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Every address a host name resolves to (the system resolver: /etc/hosts, then DNS). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The longest a lookup may take: a stuck resolver must not hold a delivery for its whole lease. */
export const lookupTimeoutMs = 5_000;

export const systemResolver: Resolver = (hostname) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer for ${hostname}`), { code: 'ETIMEOUT' })), lookupTimeoutMs);
  });
  return Promise.race([lookup(hostname, { all: true, order: 'verbatim' }), timeout]).finally(() => clearTimeout(timer));
};

export interface DnsAddressGuardOptions {
  /** `MINDFLOW_WEBHOOK_ALLOW_LOOPBACK=true`: loopback and private targets are allowed (embedded mode). */
  readonly allowLocal: boolean;
  readonly resolve?: Resolver;
}

/**
 * The AddressGuard: resolves the URL's host at every check and refuses it when any of its addresses is not
 * allowed (a name answering one public and one private address is refused: which one a connection would use is
 * not ours to pick later). The first address is the one to connect to.
 */
export function dnsAddressGuard(options: DnsAddressGuardOptions): AddressGuard {
  const resolve = options.resolve ?? systemResolver;
  return {
    async check(url): Promise<CheckedAddress | RefusedAddress> {
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, cause: 'not-allowed', reason: `unsupported scheme ${url.protocol}` };
      const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      if (isIP(host)) {
        const refused = refusedBecause(host, options.allowLocal);
        const family = isIP(host) === 6 ? 6 : 4;
        return refused === null ? { ok: true, address: host, family, all: [{ address: host, family }] } : { ok: false, cause: 'not-allowed', reason: refused };
      }
      let addresses: readonly ResolvedAddress[];
      try {
        addresses = await resolve(host);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return { ok: false, cause: 'unresolved', reason: `cannot resolve ${host}${typeof code === 'string' ? ` (${code})` : ''}` };
      }
      const first = addresses[0];
      if (first === undefined) return { ok: false, cause: 'unresolved', reason: `no address for ${host}` };
      for (const { address } of addresses) {
        const refused = refusedBecause(address, options.allowLocal);
        if (refused !== null) return { ok: false, cause: 'not-allowed', reason: `${host} resolves to a non-public address (${refused})` };
      }
      const all = addresses.map(({ address, family }) => ({ address, family: family === 6 ? (6 as const) : (4 as const) }));
      return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4, all };
    },
  };
}
