/** A user's data key: 32 random bytes, the AES-256-GCM key of every personal field they own. */
export type DataKey = Buffer;

/** What the store holds for a user: their key, a tombstone (erased), or nothing yet. */
export type KeyLookup = { readonly state: 'active'; readonly key: DataKey } | { readonly state: 'destroyed' } | { readonly state: 'absent' };

/**
 * The key store port (crypto-shredding, issue 16). Adapters: a Postgres table whose keys are wrapped by a master
 * key from configuration (`@mindflow/event-log` `PgKeyStore`; production puts a KMS envelope behind the same port,
 * SECURITY.md), and `InMemoryKeyStore` for unit tests; both held to one contract suite
 * (`@mindflow/events/key-store-contract`, which imports vitest).
 */
export interface KeyStore {
  /** The user's key, made on first use. Refused (`KeyDestroyedError`) once destroyed: an erased user gets no new data. */
  getOrCreate(userId: string): Promise<DataKey>;
  get(userId: string): Promise<KeyLookup>;
  /** Forgets the key for good, leaving a tombstone; idempotent. Every event sealed with it is unreadable from then on. */
  destroy(userId: string): Promise<void>;
}

export class KeyDestroyedError extends Error {
  override readonly name = 'KeyDestroyedError';
  readonly code = 'KEY_DESTROYED';
  constructor(readonly userId: string) {
    super(`the data key of user ${userId} was destroyed (the user was erased): nothing new can be written for them`);
  }
}

/** A sealed event whose owner has no key at all (neither live nor destroyed): the key store is not the one it was sealed with. */
export class KeyMissingError extends Error {
  override readonly name = 'KeyMissingError';
  readonly code = 'KEY_MISSING';
  constructor(readonly userId: string) {
    super(`no data key for user ${userId}: is the key store the one the events were sealed with?`);
  }
}
