import { isId } from '../read-model/ids.js';

/** The header a client sends to read its own write (API.md); the gateway forwards it to every subgraph. */
export const consistencyHeader = 'x-consistent-with';

export interface WrittenVersion {
  readonly aggregateId: string;
  readonly version: number;
}

/** `base64url("<aggregateId>:<aggregateVersion>")` (CONVENTIONS.md, "Projections"). */
export function consistencyToken(written: WrittenVersion): string {
  return Buffer.from(`${written.aggregateId}:${written.version}`).toString('base64url');
}

/**
 * The writes a request asks to see. Several tokens may be given comma-separated (a client that wrote a
 * journal and then an entry waits for both). Returns undefined when any token is malformed.
 */
export function parseConsistencyTokens(header: string): WrittenVersion[] | undefined {
  const tokens = header.split(',').map((t) => t.trim()).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 20) return undefined;
  const parsed: WrittenVersion[] = [];
  for (const token of tokens) {
    const [aggregateId, version, extra] = Buffer.from(token, 'base64url').toString('utf8').split(':');
    const n = Number(version);
    if (!isId(aggregateId) || extra !== undefined || !Number.isInteger(n) || n < 1) return undefined;
    parsed.push({ aggregateId: aggregateId.toLowerCase(), version: n });
  }
  return parsed;
}
