import { randomBytes } from 'node:crypto';
import { KeyDestroyedError, type DataKey, type KeyLookup, type KeyStore } from '@mindflow/events';
import type { SqlClient } from '../event-log.js';
import type { KeyWrapper } from './key-wrapper.js';

interface KeyRow {
  wrapped_key: Buffer | null;
  wrapped_by: string | null;
}

/**
 * The key store in a Postgres table (`keyStoreMigrations`), each key wrapped by a `KeyWrapper` (the master key from
 * configuration embedded, a KMS in production). `destroy` drops the wrapped key and NOTIFYs `user_key_destroyed`
 * with the user id, so caches in other processes can evict at once (`listenForDestroyedKeys`); their TTL bounds it
 * when the notice is lost.
 */
export class PgKeyStore implements KeyStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly wrapper: KeyWrapper,
  ) {}

  async getOrCreate(userId: string): Promise<DataKey> {
    const found = await this.get(userId);
    if (found.state === 'active') return found.key;
    if (found.state === 'destroyed') throw new KeyDestroyedError(userId);
    const key = randomBytes(32);
    const wrapped = await this.wrapper.wrap(userId, key);
    const { rows } = await this.sql.query(
      `INSERT INTO user_data_keys (user_id, wrapped_key, wrapped_by) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [userId, wrapped, this.wrapper.keyId],
    );
    if (rows.length === 1) return key;
    // Another writer made (or destroyed) it first: theirs is the key.
    const raced = await this.get(userId);
    if (raced.state === 'active') return raced.key;
    throw new KeyDestroyedError(userId);
  }

  async get(userId: string): Promise<KeyLookup> {
    const { rows } = await this.sql.query('SELECT wrapped_key, wrapped_by FROM user_data_keys WHERE user_id = $1', [userId]);
    const row = rows[0] as KeyRow | undefined;
    if (!row) return { state: 'absent' };
    if (row.wrapped_key === null) return { state: 'destroyed' };
    return { state: 'active', key: await this.wrapper.unwrap(userId, row.wrapped_by ?? '', row.wrapped_key) };
  }

  async destroy(userId: string): Promise<void> {
    await this.sql.query(
      `WITH gone AS (
         INSERT INTO user_data_keys (user_id, wrapped_key, wrapped_by, destroyed_at) VALUES ($1, NULL, NULL, now())
         ON CONFLICT (user_id) DO UPDATE SET wrapped_key = NULL, wrapped_by = NULL,
           destroyed_at = coalesce(user_data_keys.destroyed_at, now())
         RETURNING user_id)
       SELECT pg_notify('user_key_destroyed', user_id::text) FROM gone`,
      [userId],
    );
  }
}
