// Login attempts are limited per client, not per account: a client that guesses passwords is slowed down,
// and the account stays open to everyone else (its owner included). Counted per email address typed — not
// per account — so an unknown address is limited exactly like a known one and the limits reveal nothing
// about who is registered.

export interface LoginLimits {
  /** Failed attempts in a row from one client at one address; the next is refused for `blockSeconds`. */
  readonly maxFailures: number;
  /** How long such a pair stays refused; failures further apart than this start the count again. */
  readonly blockSeconds: number;
  /** Failed attempts from one client across all addresses (password spraying) within `clientWindowSeconds`. */
  readonly clientMaxFailures: number;
  readonly clientWindowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = {
  maxFailures: 5,
  blockSeconds: 15 * 60,
  clientMaxFailures: 100,
  clientWindowSeconds: 24 * 60 * 60,
};

/**
 * The client a limit counts: an IPv4 address as is (an IPv4-mapped IPv6 one unwrapped), an IPv6 address by
 * its /64 — one subscriber usually holds a whole /64 and could otherwise take a fresh address per guess.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const groups = expandIPv6(address.split('%')[0]!);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

function expandIPv6(address: string): string[] | null {
  const halves = address.toLowerCase().split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}
