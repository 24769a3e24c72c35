import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import { NotificationKind, type DeliveryChannel, type KeyStore } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import type { DeliveryKey, DeliveryStore, DeliveryTransaction, DueDelivery } from '../../application/ports/delivery-store.js';

type Sql = Pick<PoolClient, 'query'>;

const keyWhere = 'notification_id = $1 AND channel = $2 AND target = $3';
const keyOf = (key: DeliveryKey) => [key.notificationId, key.channel, key.target];

/**
 * The notifications DB behind the delivery worker's port. With `keys`, the events it appends (NotificationCreated of
 * a webhook's disabling notice) are sealed with their owner's data key (issue 16); an erased user's are not written.
 */
export function pgDeliveryStore(pool: Pool, keys?: KeyStore): DeliveryStore {
  return {
    claimDue: (limit, leaseMs, now) => claimDueDeliveries(pool, limit, leaseMs, now),
    transaction: (work) => withTransaction(pool, (tx) => work(deliveryTransaction(tx, keys))),
    async nextDueAt() {
      const { rows } = await pool.query<{ at: Date | null }>(`SELECT min(next_attempt_at) AS at FROM notification_deliveries WHERE status = 'pending'`);
      return rows[0]?.at ?? undefined;
    },
  };
}

function deliveryTransaction(tx: PoolClient, keys: KeyStore | undefined): DeliveryTransaction {
  return {
    async lockPending(key) {
      const { rows } = await tx.query<{ attempts: number }>(`SELECT attempts FROM notification_deliveries WHERE ${keyWhere} AND status = 'pending' FOR UPDATE`, keyOf(key));
      return rows[0]?.attempts;
    },
    async markSent(key, attempts) {
      await tx.query(`UPDATE notification_deliveries SET status = 'sent', attempts = $4, last_error = NULL WHERE ${keyWhere}`, [...keyOf(key), attempts]);
    },
    async markFailed(key, attempts, error) {
      await tx.query(`UPDATE notification_deliveries SET status = 'failed', attempts = $4, last_error = $5 WHERE ${keyWhere}`, [...keyOf(key), attempts, error]);
    },
    async retryAt(key, attempts, at, error) {
      await tx.query(`UPDATE notification_deliveries SET attempts = $4, next_attempt_at = $5, last_error = $6 WHERE ${keyWhere}`, [...keyOf(key), attempts, at, error]);
    },
    async recordWebhookAttempt(row) {
      await tx.query(
        `INSERT INTO webhook_deliveries (id, webhook_id, notification_id, attempt, at, status, ok, error) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [row.id, row.webhookId, row.notificationId, row.attempt, row.at, row.status, row.ok, row.error],
      );
    },
    async webhookSucceeded(webhookId) {
      await tx.query('UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0', [webhookId]);
    },
    async webhookFailed(webhookId) {
      const { rows } = await tx.query<{ failures: number }>('UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures AS failures', [webhookId]);
      return rows[0]?.failures ?? 0;
    },
    async disableWebhook(webhookId, at) {
      const { rowCount } = await tx.query('UPDATE webhooks SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL', [webhookId, at]);
      return rowCount === 1;
    },
    async nextNotificationVersion(notificationId) {
      const { rows } = await tx.query<{ version: number }>('UPDATE notifications SET version = version + 1 WHERE id = $1 RETURNING version', [notificationId]);
      const version = rows[0]?.version;
      if (version === undefined) throw new Error(`notification ${notificationId} not found`);
      return version;
    },
    async insertNotification(row) {
      const { rowCount } = await tx.query(
        `INSERT INTO notifications (id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, version, created_at)
         VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, 1, $7) ON CONFLICT (dedupe_key) DO NOTHING`,
        [row.id, row.userId, row.kind, row.title, row.body, row.dedupeKey, row.createdAt],
      );
      return rowCount === 1;
    },
    appendEvents: (events) => appendToOutbox(tx, events, { keys, skipErased: true }),
  };
}

interface DueRow {
  notification_id: string;
  channel: DeliveryChannel;
  target: string;
  attempts: number;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  subject_id: string | null;
  created_at: Date;
  email: string | null;
  display_name: string | null;
  email_unsubscribed: boolean;
  webhook_id: string | null;
  url: string | null;
  secret: string | null;
  disabled: boolean | null;
  deleted: boolean | null;
}

/**
 * Leases up to `limit` due pending deliveries nobody holds, oldest due first: SKIP LOCKED lets several workers
 * share the table, and the lease (next_attempt_at pushed `leaseMs` ahead) keeps a claimed one from being claimed
 * again while it is being sent, after the claim's transaction has committed.
 */
export async function claimDueDeliveries(sql: Sql, limit: number, leaseMs: number, now: Date): Promise<DueDelivery[]> {
  const { rows } = await sql.query<DueRow>(
    `WITH due AS (
       SELECT notification_id, channel, target FROM notification_deliveries
       WHERE status = 'pending' AND next_attempt_at <= $3::timestamptz
       ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE notification_deliveries d SET next_attempt_at = $3::timestamptz + make_interval(secs => $2::double precision / 1000)
       FROM due WHERE d.notification_id = due.notification_id AND d.channel = due.channel AND d.target = due.target
       RETURNING d.notification_id, d.channel, d.target, d.attempts
     )
     SELECT c.notification_id, c.channel, c.target, c.attempts, n.user_id, n.kind, n.title, n.body, n.subject_id, n.created_at,
            r.email, r.display_name, coalesce(p.email_unsubscribed, false) AS email_unsubscribed,
            w.id AS webhook_id, w.url, w.secret, w.disabled_at IS NOT NULL AS disabled, w.deleted_at IS NOT NULL AS deleted
     FROM claimed c
     JOIN notifications n ON n.id = c.notification_id
     LEFT JOIN notification_recipients r ON r.user_id = n.user_id
     LEFT JOIN notification_preferences p ON p.user_id = n.user_id
     LEFT JOIN webhooks w ON w.id = CASE WHEN c.channel = 'WEBHOOK' THEN c.target::uuid END`,
    [limit, leaseMs, now],
  );
  return rows.map((row) => ({
    notificationId: row.notification_id,
    channel: row.channel,
    target: row.target,
    attempts: row.attempts,
    userId: row.user_id,
    kind: NotificationKind.parse(row.kind),
    title: row.title,
    body: row.body,
    subjectId: row.subject_id,
    createdAt: row.created_at,
    email: row.email,
    displayName: row.display_name,
    emailUnsubscribed: row.email_unsubscribed,
    webhook:
      row.webhook_id && row.url !== null && row.secret !== null
        ? { id: row.webhook_id, url: row.url, secret: row.secret, disabled: row.disabled === true, deleted: row.deleted === true }
        : null,
  }));
}
