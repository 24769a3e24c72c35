import type { Migration } from '@mindflow/db';

/**
 * The data keys of crypto-shredding (issue 16), in the database `KEY_STORE_DATABASE_URL` names (by default the write
 * DB's). One row per user: the key wrapped by the master key (`KeyWrapper`), or, once destroyed, a tombstone with no
 * key (so no new key is ever made for an erased user). Apply in the owner's scope, `keys`.
 */
export const keyStoreMigrations: readonly Migration[] = [
  {
    id: '0000-user-data-keys',
    sql: `
CREATE TABLE user_data_keys (
  user_id      uuid PRIMARY KEY,
  wrapped_key  bytea,                      -- NULL once destroyed
  wrapped_by   text,                       -- the wrapping (master / KMS) key's id
  created_at   timestamptz NOT NULL DEFAULT now(),
  destroyed_at timestamptz,
  CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
-- A destroyed key's old row version stays in the heap until vacuumed: the table is vacuumed eagerly.
ALTER TABLE user_data_keys SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1);
`,
  },
];
