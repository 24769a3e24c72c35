/**
 * A cache of hot reads (dashboard parts, recent entries), by key. Values are JSON. Keys carry the user's
 * read stamp (`read_stamps`, bumped by the projector in the transaction that changes the user's rows), so
 * a change makes the old keys unreachable at the instant it commits: invalidation needs no message and
 * cannot arrive late. The TTL is only a safety net that frees what nobody reads any more.
 */
export interface ReadCache {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  close(): Promise<void>;
}
