import { withTransaction, type Pool } from '@mindflow/db';
import type { PasswordResetStore } from '../../application/ports/password-reset-store.js';
import { revokeAllSessions } from './session-rows.js';
import type { Tx } from './sql-client.js';
import { updatePasswordHash } from './user-rows.js';

/** `password_resets` and `password_reset_requests` (0005-password-resets.sql) behind the reset's port. */
export function pgPasswordResetStore(pool: Pool): PasswordResetStore {
  return {
    async countRequest({ clientHash, emailHash, at, clientWindowMs, emailWindowMs }) {
      const { rows } = await pool.query<{ by_client: number; by_email: number }>(
        `WITH kept AS (INSERT INTO password_reset_requests (client_hash, email_hash, requested_at) VALUES ($1, $2, $3)),
              -- nothing older than a day is ever counted
              pruned AS (DELETE FROM password_reset_requests WHERE requested_at < $3::timestamptz - interval '1 day')
         SELECT (SELECT count(*)::int + 1 FROM password_reset_requests WHERE client_hash = $1 AND requested_at > $3::timestamptz - make_interval(secs => $4::float / 1000)) AS by_client,
                (SELECT count(*)::int + 1 FROM password_reset_requests WHERE email_hash = $2 AND requested_at > $3::timestamptz - make_interval(secs => $5::float / 1000)) AS by_email`,
        [clientHash, emailHash, at, clientWindowMs, emailWindowMs],
      );
      return { byClient: rows[0]!.by_client, byEmail: rows[0]!.by_email };
    },
    async insertToken({ hash, userId, at, expiresAt }) {
      await pool.query('INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [hash, userId, at, expiresAt]);
    },
    transaction: (work) => withTransaction(pool, (tx: Tx) => work({
      async lockToken(hash) {
        const { rows } = await tx.query<{ user_id: string; expires_at: Date; used_at: Date | null }>(
          'SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1 FOR UPDATE',
          [hash],
        );
        const row = rows[0];
        return row ? { userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
      },
      async spendAll(userId, at) {
        await tx.query('UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL', [userId, at]);
      },
      setPasswordHash: (userId, passwordHash, at) => updatePasswordHash(tx, userId, passwordHash, at),
      // 'logout-everywhere': what it is for the sessions (every one ended); the reset is in the log line
      revokeAllSessions: (userId, at) => revokeAllSessions(tx, userId, 'logout-everywhere', at),
    })),
  };
}
