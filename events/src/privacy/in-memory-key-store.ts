import { randomBytes } from 'node:crypto';
import { KeyDestroyedError, type DataKey, type KeyLookup, type KeyStore } from './key-store.js';

/** The key store in a Map: unit tests and single-process tools. Keys die with the process. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, DataKey | 'destroyed'>();

  getOrCreate(userId: string): Promise<DataKey> {
    const id = userId.toLowerCase();
    const held = this.keys.get(id);
    if (held === 'destroyed') return Promise.reject(new KeyDestroyedError(userId));
    if (held) return Promise.resolve(held);
    const key = randomBytes(32);
    this.keys.set(id, key);
    return Promise.resolve(key);
  }

  get(userId: string): Promise<KeyLookup> {
    const held = this.keys.get(userId.toLowerCase());
    if (held === undefined) return Promise.resolve({ state: 'absent' });
    return Promise.resolve(held === 'destroyed' ? { state: 'destroyed' } : { state: 'active', key: held });
  }

  destroy(userId: string): Promise<void> {
    const id = userId.toLowerCase();
    const held = this.keys.get(id);
    if (held && held !== 'destroyed') held.fill(0);
    this.keys.set(id, 'destroyed');
    return Promise.resolve();
  }
}
