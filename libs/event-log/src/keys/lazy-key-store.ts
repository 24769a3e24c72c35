import type { DataKey, KeyLookup, KeyStore } from '@mindflow/events';
import type { OpenKeyStore } from './open-key-store.js';

export interface LazyKeyStore {
  /** Opens the store on its first lookup; a failed open is not kept: the next lookup tries again. */
  readonly keys: KeyStore;
  /** Closes the store if it was opened (and waits for an open under way); no lookup opens it afterwards. */
  close(): Promise<void>;
}

/**
 * A key store opened on first use (`createEventLog`): while its database is down, each lookup fails (and the
 * subscription or caller retries it), and the first one after it is back opens it. The opening promise is shared by
 * concurrent lookups, and forgotten when it rejects, so a failure at start is never awaited again forever.
 */
export function lazyKeyStore(open: () => Promise<OpenKeyStore>): LazyKeyStore {
  let opening: Promise<OpenKeyStore> | undefined;
  let closed = false;
  const opened = (): Promise<OpenKeyStore> => {
    if (closed) return Promise.reject(new Error('the key store is closed'));
    if (!opening) {
      const attempt = open();
      opening = attempt;
      attempt.catch(() => {
        if (opening === attempt) opening = undefined;
      });
    }
    return opening;
  };
  return {
    keys: {
      getOrCreate: async (userId): Promise<DataKey> => (await opened()).keys.getOrCreate(userId),
      get: async (userId): Promise<KeyLookup> => (await opened()).keys.get(userId),
      destroy: async (userId) => (await opened()).keys.destroy(userId),
    },
    async close() {
      closed = true;
      await (await opening?.catch(() => undefined))?.close();
    },
  };
}
