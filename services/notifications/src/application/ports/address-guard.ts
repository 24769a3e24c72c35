/** A webhook target's host resolved and found allowed: the sender connects to exactly this address. */
export interface CheckedAddress {
  readonly ok: true;
  readonly address: string;
  readonly family: 4 | 6;
  /** Every address the host resolved to, all checked, `address` first (a client may try each, as for `localhost`). */
  readonly all: readonly { readonly address: string; readonly family: 4 | 6 }[];
}

/** Why a target is refused (`private address 10.0.0.7 (private)`, `no address`, `unsupported scheme ftp:`). */
export interface RefusedAddress {
  readonly ok: false;
  readonly reason: string;
}

/**
 * Checks a webhook URL before every delivery: resolves its host now and refuses loopback, private, link-local,
 * unique-local, CGNAT, multicast and other non-public addresses (unless configured to allow local ones). The
 * address it answers is the one to connect to, so a second lookup cannot rebind the name to another.
 */
export interface AddressGuard {
  check(url: URL): Promise<CheckedAddress | RefusedAddress>;
}
