import { randomUUID } from 'node:crypto';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/test-servers.js';
import { lazyKeyStore } from './lazy-key-store.js';
import { keyStoreConfigSchema, openKeyStore } from './open-key-store.js';

// The keys DB down when a process starts (issue 16): its lookups fail while it is, and work once it is back.
const log = createLogger('lazy-key-store-test', 'silent');
let db: TestDatabase;

beforeAll(async () => {
  db = await testDatabase('lazy_keys');
});
afterAll(async () => db?.drop());

describe('lazyKeyStore', () => {
  it('opens the store again on the next lookup after an open failed', async () => {
    const config = keyStoreConfigSchema.parse({ KEY_STORE_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') });
    const down = new URL(db.url);
    down.pathname = `${down.pathname}_not_yet`; // a database that does not exist: the open fails as if it were down
    let url = down.toString();
    let opens = 0;
    const lazy = lazyKeyStore(() => ((opens += 1), openKeyStore({ ...config, databaseUrl: url }, { log })));
    const user = randomUUID();
    try {
      await expect(lazy.keys.getOrCreate(user)).rejects.toThrow();
      await expect(lazy.keys.get(user)).rejects.toThrow();
      expect(opens).toBe(2); // each lookup tried to open it, none awaited the first failure
      url = db.url; // the database is back
      const key = await lazy.keys.getOrCreate(user);
      expect(await lazy.keys.get(user)).toEqual({ state: 'active', key });
      await Promise.all([lazy.keys.get(user), lazy.keys.get(user)]);
      expect(opens).toBe(3); // opened once, then shared
    } finally {
      await lazy.close();
    }
    await expect(lazy.keys.get(user)).rejects.toThrow(/closed/);
  });
});
