import { aggregateTypes, type AggregateType } from '@mindflow/events';

/** The header a client sends to read its own write (API.md); the gateway forwards it to every subgraph. */
export const consistencyHeader = 'x-consistent-with';

/** A write a reader asks to see: an aggregate at (at least) a version. */
export interface WrittenVersion {
  /** The aggregate's type (`journal`, `entry`, `task`, …); undefined for a token of the older two-part form. */
  readonly aggregateType: AggregateType | undefined;
  readonly aggregateId: string;
  readonly version: number;
}

/** The most tokens one header may carry. */
export const maxConsistencyTokens = 20;

const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isAggregateType = (value: string): value is AggregateType => (aggregateTypes as readonly string[]).includes(value);

/** `base64url("<aggregateType>:<aggregateId>:<aggregateVersion>")` (CONVENTIONS.md, "consistency token"). */
export function consistencyToken(written: WrittenVersion & { readonly aggregateType: AggregateType }): string {
  return Buffer.from(`${written.aggregateType}:${written.aggregateId}:${written.version}`).toString('base64url');
}

/** One token, either form; undefined when malformed. */
export function parseConsistencyToken(token: string): WrittenVersion | undefined {
  const parts = Buffer.from(token, 'base64url').toString('utf8').split(':');
  if (parts.length !== 2 && parts.length !== 3) return undefined;
  const [type, aggregateId, version] = parts.length === 3 ? parts : [undefined, ...parts];
  if (type !== undefined && !isAggregateType(type)) return undefined;
  const n = Number(version);
  if (!idPattern.test(aggregateId ?? '') || !Number.isSafeInteger(n) || n < 1 || String(n) !== version) return undefined;
  return { aggregateType: type, aggregateId: aggregateId!.toLowerCase(), version: n };
}

/**
 * The writes a request asks to see. Several tokens may be given comma-separated (a client that wrote a
 * journal and then an entry waits for both). Returns undefined when any token is malformed.
 */
export function parseConsistencyTokens(header: string): WrittenVersion[] | undefined {
  const tokens = header.split(',').map((t) => t.trim()).filter(Boolean);
  if (tokens.length === 0 || tokens.length > maxConsistencyTokens) return undefined;
  const parsed: WrittenVersion[] = [];
  for (const token of tokens) {
    const written = parseConsistencyToken(token);
    if (!written) return undefined;
    parsed.push(written);
  }
  return parsed;
}

/**
 * The typed token for a write of `aggregateType` that another service answered with a token of either
 * form (the command service's two-part token, say). A token already typed keeps its type; a malformed one
 * is returned as it is (the read that sends it back is refused with BAD_USER_INPUT, as before).
 */
export function typedConsistencyToken(aggregateType: AggregateType, token: string): string {
  const written = parseConsistencyToken(token);
  if (!written) return token;
  return consistencyToken({ ...written, aggregateType: written.aggregateType ?? aggregateType });
}
