/** A webhook target's host resolved and found allowed: the sender connects to exactly this address. */
export interface CheckedAddress {
  readonly ok: true;
  readonly address: string;
  readonly family: 4 | 6;
  /** Every address the host resolved to, all checked, `address` first (a client may try each, as for `localhost`). */
  readonly all: readonly { readonly address: string; readonly family: 4 | 6 }[];
}

/**
 * Why a target is refused. `reason` is the detail (`hooks.example.com resolves to a non-public address (10.0.0.7 is
 * private)`, `cannot resolve … (ENOTFOUND)`, `unsupported scheme ftp:`): for the server log only, since it maps the
 * internal network. `cause` is all the user is told (the attempt's stored error, `Webhook.deliveries`).
 */
export interface RefusedAddress {
  readonly ok: false;
  readonly cause: 'not-allowed' | 'unresolved';
  readonly reason: string;
}

/** What the user is told of a refused address: no host, address or range (`webhook_deliveries.error`). */
export function refusedAddressError(refused: RefusedAddress): string {
  return refused.cause === 'unresolved' ? 'the host could not be resolved' : 'the address is not allowed';
}

/**
 * Checks a webhook URL before every delivery: resolves its host now and refuses loopback, private, link-local,
 * unique-local, CGNAT, multicast and other non-public addresses (unless configured to allow local ones). The
 * address it answers is the one to connect to, so a second lookup cannot rebind the name to another.
 */
export interface AddressGuard {
  check(url: URL): Promise<CheckedAddress | RefusedAddress>;
}
