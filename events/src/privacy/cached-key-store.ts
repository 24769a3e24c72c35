import type { DataKey, KeyLookup, KeyStore } from './key-store.js';

export interface KeyCacheOptions {
  /**
   * How long a live key is reused without asking the store (default 30 s). This is the bound on how long another
   * process may still open a user's events after `destroy` (SECURITY.md): a destroy through this cache evicts at once,
   * one through another process is seen at the latest when the entry expires.
   */
  readonly ttlMs?: number;
  /** Users kept at most (oldest dropped first). */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

/**
 * A per-process cache in front of a key store: a projector applying a batch asks the store once per user and TTL,
 * not once per event. Tombstones are cached for good (a destroyed key never comes back); absence is never cached.
 */
export class CachedKeyStore implements KeyStore {
  private readonly entries = new Map<string, { lookup: KeyLookup; until: number }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  /**
   * Eviction generations: `evictions` counts every eviction; `evictedAt` holds the generation of a user's last one
   * (kept while a fetch is in flight), `clearedAt` that of the last evict-all. A fetch that began before an eviction
   * of its user is answered but not cached: it may have read a key that was destroyed meanwhile.
   */
  private evictions = 0;
  private clearedAt = 0;
  private readonly evictedAt = new Map<string, number>();
  private inFlight = 0;
  /** Lookups answered from the cache / by the store: the hit path's share (measured in BENCHMARKS.md). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(private readonly store: KeyStore, options: KeyCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async getOrCreate(userId: string): Promise<DataKey> {
    const cached = this.fresh(userId);
    if (cached?.state === 'active') return cached.key;
    const started = this.begin();
    try {
      const key = await this.store.getOrCreate(userId);
      this.rememberSince(started, userId, { state: 'active', key });
      return key;
    } finally {
      this.end();
    }
  }

  async get(userId: string): Promise<KeyLookup> {
    const cached = this.fresh(userId);
    if (cached) return cached;
    this.stats.misses += 1;
    const started = this.begin();
    try {
      const lookup = await this.store.get(userId);
      if (lookup.state !== 'absent') this.rememberSince(started, userId, lookup);
      return lookup;
    } finally {
      this.end();
    }
  }

  async destroy(userId: string): Promise<void> {
    this.evict(userId);
    await this.store.destroy(userId);
    this.evict(userId); // a lookup begun while it ran may have read the key: it is not cached
    this.remember(userId, { state: 'destroyed' });
  }

  /** Drops one user's entry (a destroy announced by another process) or all of them. */
  evict(userId?: string): void {
    this.evictions += 1;
    if (userId === undefined) {
      this.entries.clear();
      this.clearedAt = this.evictions;
      this.evictedAt.clear();
    } else {
      const id = userId.toLowerCase();
      this.entries.delete(id);
      if (this.inFlight > 0) this.evictedAt.set(id, this.evictions);
    }
  }

  private begin(): number {
    this.inFlight += 1;
    return this.evictions;
  }

  private end(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.evictedAt.clear(); // no fetch left that could have begun before them
  }

  /** Caches what a fetch begun at generation `started` found, unless its user was evicted since. */
  private rememberSince(started: number, userId: string, lookup: KeyLookup): void {
    if (lookup.state !== 'destroyed' && (this.clearedAt > started || (this.evictedAt.get(userId.toLowerCase()) ?? 0) > started)) return;
    this.remember(userId, lookup);
  }

  private fresh(userId: string): KeyLookup | undefined {
    const id = userId.toLowerCase();
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    this.stats.hits += 1;
    return entry.lookup;
  }

  private remember(userId: string, lookup: KeyLookup): void {
    const id = userId.toLowerCase();
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { lookup, until: lookup.state === 'destroyed' ? Number.POSITIVE_INFINITY : this.now() + this.ttlMs });
  }
}
