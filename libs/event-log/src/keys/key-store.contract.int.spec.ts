import { randomBytes, randomUUID } from 'node:crypto';
import { migrate } from '@mindflow/db';
import { CachedKeyStore, InMemoryKeyStore, openStoredEvent, sealEvent } from '@mindflow/events';
import { keyStoreContract } from '@mindflow/events/key-store-contract';
import { sampleEvent } from '@mindflow/events/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/test-servers.js';
import { keyStoreMigrations, MasterKeyWrapper, openKeyStore, PgKeyStore } from './index.js';

// One contract, two adapters (docs/CONVENTIONS.md): the in-memory default and the Postgres table.
keyStoreContract('in memory', () => Promise.resolve({ store: new InMemoryKeyStore() }));

const master = MasterKeyWrapper.fromBase64(randomBytes(32).toString('base64'));
keyStoreContract('postgres', async () => {
  const db = await testDatabase('key_store');
  await migrate(db.pool, 'keys', keyStoreMigrations);
  return { store: new PgKeyStore(db.pool, master), again: () => new PgKeyStore(db.pool, master), dispose: () => db.drop() };
});

describe('the Postgres key store', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase('key_store_pg');
    await migrate(db.pool, 'keys', keyStoreMigrations);
  });
  afterAll(async () => db?.drop());

  it('stores no data key in the clear, and a destroyed row holds no key at all', async () => {
    const store = new PgKeyStore(db.pool, master);
    const user = randomUUID();
    const key = await store.getOrCreate(user);
    const { rows } = await db.pool.query<{ raw: string }>('SELECT t::text AS raw FROM user_data_keys t WHERE user_id = $1', [user]);
    expect(rows[0]!.raw).not.toContain(key.toString('hex'));
    await store.destroy(user);
    const after = await db.pool.query<{ wrapped_key: Buffer | null; destroyed_at: Date | null }>('SELECT wrapped_key, destroyed_at FROM user_data_keys WHERE user_id = $1', [user]);
    expect(after.rows[0]).toEqual({ wrapped_key: null, destroyed_at: expect.any(Date) });
  });

  it('does not unwrap with another master key, nor a row moved to another user', async () => {
    const store = new PgKeyStore(db.pool, master);
    const [a, b] = [randomUUID(), randomUUID()];
    await store.getOrCreate(a);
    await expect(new PgKeyStore(db.pool, MasterKeyWrapper.fromBase64(randomBytes(32).toString('base64'))).get(a)).rejects.toThrow(/master key/);
    await db.pool.query(`INSERT INTO user_data_keys (user_id, wrapped_key, wrapped_by) SELECT $2, wrapped_key, wrapped_by FROM user_data_keys WHERE user_id = $1`, [a, b]);
    await expect(store.get(b)).rejects.toThrow();
  });

  it('makes a destroy in one process felt by another at once (NOTIFY), and the TTL bounds it when the notice is lost', async () => {
    const log = pino({ level: 'silent' });
    const config = { KEY_STORE_MASTER_KEY: randomBytes(32).toString('base64'), KEY_CACHE_TTL_MS: 60_000, databaseUrl: db.url };
    const [here, there] = [await openKeyStore(config, { log }), await openKeyStore(config, { log })];
    try {
      const event = sampleEvent('ThoughtCaptured', { userId: randomUUID() });
      const row = JSON.parse(JSON.stringify(await sealEvent(event, here.keys))) as unknown;
      expect(await openStoredEvent(row, there.keys)).toMatchObject({ payload: event.payload });
      const started = Date.now();
      await here.keys.destroy(event.userId);
      let lookup = await there.keys.get(event.userId);
      while (lookup.state === 'active' && Date.now() - started < 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        lookup = await there.keys.get(event.userId);
      }
      expect(lookup).toEqual({ state: 'destroyed' }); // long before the 60 s TTL
      expect(await openStoredEvent(row, there.keys)).toMatchObject({ payload: { text: '[erased]', tags: [] } });
    } finally {
      await Promise.all([here.close(), there.close()]);
    }
    // Without the notice: a cache with a short TTL sees the tombstone once the entry expires.
    const silent = new CachedKeyStore(new PgKeyStore(db.pool, master), { ttlMs: 200 });
    const user = randomUUID();
    await silent.getOrCreate(user);
    await new PgKeyStore(db.pool, master).destroy(user);
    expect((await silent.get(user)).state).toBe('active');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await silent.get(user)).toEqual({ state: 'destroyed' });
  });
});
