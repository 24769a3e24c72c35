import type { SearchDocument } from '../domain/search-document.js';
import type { SearchPage, SearchQuery } from '../domain/search-query.js';

/**
 * The search port. Adapters: Elasticsearch (distributed) and Postgres full-text search (embedded), both
 * held to one contract suite (`search-index.contract.ts`).
 *
 * Writes are versioned by aggregate version: a document replaces the stored one only when its version is
 * higher, so a late, repeated or out-of-order write is a no-op, never an error and never a regression.
 * A deletion is a tombstone document written the same way and kept for good; reads never return one.
 */
export interface SearchIndex {
  readonly kind: 'elasticsearch' | 'postgres';
  /** Creates what the index needs (idempotent). */
  prepare(): Promise<void>;
  /** Writes documents in one set-based request (or a few, past size limits); older-or-equal versions than stored are skipped. */
  write(documents: readonly SearchDocument[]): Promise<void>;
  /** The stored document (tombstones included), as the latest write left it. */
  get(id: string): Promise<SearchDocument | undefined>;
  /** The stored documents of these ids (tombstones included), in one read; absent ids are absent from the map. */
  getMany(ids: readonly string[]): Promise<Map<string, SearchDocument>>;
  /** Hides every entry of a deleted journal (tombstones at their current versions). */
  hideJournalEntries(ownerId: string, journalId: string): Promise<void>;
  /**
   * Erasure (issue 16): removes every document of the owner, tombstones included (they keep the text), and
   * whatever else the index keeps of them; returns how many documents went. Not a tombstone: nothing of the
   * owner may stay, so a late or replayed event could recreate a document: the projection skips every event of
   * an erased user (`erased_users`) instead.
   */
  eraseOwner(ownerId: string): Promise<number>;
  /** The caller's live documents matching the query, best first. */
  search(query: SearchQuery): Promise<SearchPage>;
  /** Words of the owner's live documents that start with `prefix` (lower case), most frequent first. */
  suggest(ownerId: string, prefix: string, size: number): Promise<string[]>;
  /**
   * Makes every write so far visible to `search` (Elasticsearch refreshes; Postgres is always current).
   * Read-your-writes uses it; ordinary writes become visible within the index's refresh interval.
   */
  refresh(): Promise<void>;
  close(): Promise<void>;
}
