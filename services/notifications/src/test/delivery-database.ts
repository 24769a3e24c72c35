import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import type { DeliveryChannel, NotificationKind } from '@mindflow/events';
import { outboxMigrations } from '@mindflow/event-log';
import { createTestDatabaseWithPool, type PooledTestDatabase } from '@mindflow/testing';

/** An outbox row as the delivery tests read it back. */
export interface OutboxRow {
  readonly eventType: string;
  readonly aggregateId: string;
  readonly aggregateVersion: number;
  readonly userId: string;
  readonly payload: Record<string, unknown>;
}

export interface DeliveryDatabase {
  readonly pool: Pool;
  readonly url: string;
  recipient(input?: { email?: string; displayName?: string | null }): Promise<string>;
  /** A notification (version 1, as the scheduler stores it with its NotificationCreated). */
  notification(userId: string, input?: { kind?: NotificationKind; title?: string; body?: string; subjectId?: string | null }): Promise<string>;
  delivery(notificationId: string, channel: DeliveryChannel, target: string, dueAt?: Date): Promise<void>;
  webhook(userId: string, url: string): Promise<{ id: string; secret: string }>;
  outbox(): Promise<OutboxRow[]>;
  drop(): Promise<void>;
}

/** A fresh notifications DB migrated as in production (the outbox under `command`, then the service's tables). */
export async function deliveryDatabase(label: string): Promise<DeliveryDatabase> {
  const db: PooledTestDatabase<Pool> = await createTestDatabaseWithPool(label, async (url) => {
    const pool = createPool(url, { applicationName: label, max: 6 });
    await migrate(pool, 'command', outboxMigrations);
    await migrate(pool, 'notifications', await migrationsFromDir(join(import.meta.dirname, '..', '..', 'migrations')));
    return pool;
  });
  const { pool } = db;
  return {
    pool,
    url: db.url,
    async recipient(input = {}) {
      const userId = randomUUID();
      await pool.query('INSERT INTO notification_recipients (user_id, email, display_name, registered_at) VALUES ($1, $2, $3, now())', [
        userId,
        input.email ?? `${userId.slice(0, 8)}@example.com`,
        input.displayName === undefined ? 'Ada' : input.displayName,
      ]);
      return userId;
    },
    async notification(userId, input = {}) {
      const id = randomUUID();
      await pool.query(
        `INSERT INTO notifications (id, user_id, kind, title, body, subject_type, subject_id, dedupe_key, version, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, now())`,
        [id, userId, input.kind ?? 'TASK_DUE', input.title ?? 'Water the plants', input.body ?? 'Due at 18:00', input.subjectId ? 'Task' : null, input.subjectId ?? null, `test:${id}`],
      );
      return id;
    },
    async delivery(notificationId, channel, target, dueAt = new Date()) {
      await pool.query(
        `INSERT INTO notification_deliveries (notification_id, channel, target, status, next_attempt_at) VALUES ($1, $2, $3, 'pending', $4)`,
        [notificationId, channel, target, dueAt],
      );
    },
    async webhook(userId, url) {
      const id = randomUUID();
      const secret = `whsec_${randomBytes(24).toString('base64')}`;
      await pool.query(`INSERT INTO webhooks (id, user_id, url, kinds, secret, created_at) VALUES ($1, $2, $3, '{TASK_DUE}', $4, now())`, [id, userId, url, secret]);
      return { id, secret };
    },
    async outbox() {
      const { rows } = await pool.query<{ event_type: string; aggregate_id: string; aggregate_version: number; user_id: string; payload: Record<string, unknown> }>(
        'SELECT event_type, aggregate_id, aggregate_version, user_id, payload FROM outbox ORDER BY position',
      );
      return rows.map((r) => ({ eventType: r.event_type, aggregateId: r.aggregate_id, aggregateVersion: r.aggregate_version, userId: r.user_id, payload: r.payload }));
    },
    drop: () => db.drop(),
  };
}
