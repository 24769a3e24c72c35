import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyDestroyedError, type KeyStore } from '../privacy/key-store.js';

export interface KeyStoreFixture {
  /** A store; `again()` is a second handle on the same keys (another process), where the adapter has one. */
  readonly store: KeyStore;
  readonly again?: () => KeyStore;
  dispose?(): Promise<void>;
}

/** The key store contract (crypto-shredding): every adapter passes it, the in-memory default and the Postgres table. */
export function keyStoreContract(name: string, factory: () => Promise<KeyStoreFixture>): void {
  describe(`KeyStore contract: ${name}`, () => {
    let fixture: KeyStoreFixture;
    let store: KeyStore;
    beforeAll(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterAll(async () => fixture?.dispose?.());

    it('makes one 32-byte key per user on first use and gives the same one after', async () => {
      const user = randomUUID();
      expect(await store.get(user)).toEqual({ state: 'absent' });
      const key = await store.getOrCreate(user);
      expect(key).toHaveLength(32);
      expect(await store.getOrCreate(user)).toEqual(key);
      expect(await store.get(user)).toEqual({ state: 'active', key });
      expect(await store.get(user.toUpperCase())).toEqual({ state: 'active', key });
      const other = await store.getOrCreate(randomUUID());
      expect(other.equals(key)).toBe(false);
    });

    it('gives every caller racing on a new user the same key', async () => {
      const user = randomUUID();
      const keys = await Promise.all(Array.from({ length: 8 }, () => store.getOrCreate(user)));
      for (const key of keys) expect(key.equals(keys[0]!)).toBe(true);
    });

    it('destroys a key for good: a tombstone, no new key, destroy again succeeds', async () => {
      const user = randomUUID();
      await store.getOrCreate(user);
      await store.destroy(user);
      expect(await store.get(user)).toEqual({ state: 'destroyed' });
      await expect(store.getOrCreate(user)).rejects.toBeInstanceOf(KeyDestroyedError);
      await store.destroy(user);
      expect(await store.get(user)).toEqual({ state: 'destroyed' });
      const never = randomUUID();
      await store.destroy(never);
      expect(await store.get(never)).toEqual({ state: 'destroyed' });
    });

    it('keeps its keys for another handle on the same store, and its destroys', async () => {
      if (!fixture.again) return expect(fixture.again).toBeUndefined(); // a process-local store has no other handle
      const user = randomUUID();
      const key = await store.getOrCreate(user);
      const other = fixture.again();
      expect(await other.get(user)).toEqual({ state: 'active', key });
      await other.destroy(user);
      expect(await store.get(user)).toEqual({ state: 'destroyed' });
    });
  });
}
