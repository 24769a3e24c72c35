import type { ErasingService } from '@mindflow/events';
import type { ErasureRecord, ErasureReads, ErasureWrites } from '../../application/ports/erasure-store.js';
import type { Sql, Tx } from './sql-client.js';

interface ErasureRow {
  user_id: string;
  requested_at: Date;
  user_version: number;
  attempt: number;
  last_attempt_at: Date;
  key_destroyed_at: Date | null;
  completed_at: Date | null;
  receipts: { service: ErasingService; acknowledged_at: string | null; attempt: number | null; erased: Record<string, number> | null }[];
}

const erasureColumns = `e.user_id, e.requested_at, e.user_version, e.attempt, e.last_attempt_at, e.key_destroyed_at, e.completed_at,
  COALESCE((SELECT json_agg(json_build_object('service', r.service, 'acknowledged_at', r.acknowledged_at, 'attempt', r.attempt, 'erased', r.erased)
            ORDER BY r.service) FROM erasure_receipts r WHERE r.user_id = e.user_id), '[]') AS receipts`;

const record = (row: ErasureRow): ErasureRecord => ({
  userId: row.user_id,
  requestedAt: row.requested_at,
  userVersion: row.user_version,
  attempt: row.attempt,
  lastAttemptAt: row.last_attempt_at,
  keyDestroyedAt: row.key_destroyed_at,
  completedAt: row.completed_at,
  receipts: row.receipts.map((r) => ({
    service: r.service,
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
    attempt: r.attempt,
    erased: r.erased,
  })),
});

async function find(sql: Sql, userId: string, lock = false): Promise<ErasureRecord | null> {
  const { rows } = await sql.query<ErasureRow>(`SELECT ${erasureColumns} FROM erasures e WHERE e.user_id = $1${lock ? ' FOR UPDATE' : ''}`, [userId]);
  return rows[0] ? record(rows[0]) : null;
}

export function erasureWrites(tx: Tx): ErasureWrites {
  return {
    async begin({ userId, at, userVersion, services }) {
      await tx.query('INSERT INTO erasures (user_id, requested_at, user_version, attempt, last_attempt_at) VALUES ($1, $2, $3, 1, $2)', [userId, at, userVersion]);
      await tx.query('INSERT INTO erasure_receipts (user_id, service) SELECT $1, unnest($2::text[])', [userId, services]);
    },
    lock: (userId) => find(tx, userId, true),
    async retried(userId, attempt, userVersion, at) {
      await tx.query('UPDATE erasures SET attempt = $2, user_version = $3, last_attempt_at = $4 WHERE user_id = $1', [userId, attempt, userVersion, at]);
    },
    async acknowledge({ userId, service, attempt, at, erased }) {
      const { rowCount } = await tx.query(
        `UPDATE erasure_receipts SET acknowledged_at = $4, attempt = $3, erased = $5
         WHERE user_id = $1 AND service = $2 AND acknowledged_at IS NULL`,
        [userId, service, attempt, at, JSON.stringify(erased)],
      );
      return (rowCount ?? 0) > 0;
    },
    async completeIfDone(userId, at) {
      const { rowCount } = await tx.query(
        `UPDATE erasures e SET completed_at = $2
         WHERE e.user_id = $1 AND e.completed_at IS NULL AND e.key_destroyed_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM erasure_receipts r WHERE r.user_id = e.user_id AND r.acknowledged_at IS NULL)`,
        [userId, at],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}

export function erasureReads(sql: Sql): ErasureReads {
  return {
    find: (userId) => find(sql, userId),
    async due(now, retryAfterMs, maxRetryAfterMs, limit) {
      const { rows } = await sql.query<{ user_id: string }>(
        `SELECT e.user_id FROM erasures e WHERE e.completed_at IS NULL
           AND e.last_attempt_at + make_interval(secs => LEAST($3::float8, $2::float8 * power(2, LEAST(e.attempt - 1, 30))) / 1000) <= $1
           AND EXISTS (SELECT 1 FROM erasure_receipts r WHERE r.user_id = e.user_id AND r.acknowledged_at IS NULL)
         ORDER BY e.last_attempt_at LIMIT $4`,
        [now, retryAfterMs, maxRetryAfterMs, limit],
      );
      return rows.map((row) => row.user_id);
    },
    async keysToDestroy(limit) {
      const { rows } = await sql.query<{ user_id: string }>(
        'SELECT user_id FROM erasures WHERE key_destroyed_at IS NULL ORDER BY requested_at LIMIT $1',
        [limit],
      );
      return rows.map((row) => row.user_id);
    },
    async keyDestroyed(userId, at) {
      await sql.query('UPDATE erasures SET key_destroyed_at = $2 WHERE user_id = $1 AND key_destroyed_at IS NULL', [userId, at]);
    },
    async latest(limit) {
      const { rows } = await sql.query<ErasureRow>(`SELECT ${erasureColumns} FROM erasures e ORDER BY e.requested_at DESC LIMIT $1`, [limit]);
      return rows.map(record);
    },
  };
}
