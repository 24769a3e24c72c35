import { randomUUID } from 'node:crypto';
import { migrate } from '@mindflow/db';
import { isSealed, newEvent, openStoredEvent } from '@mindflow/events';
import { keyStoreMigrations, MasterKeyWrapper, PgKeyStore } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../../application/scheduler.js';
import { scheduleTestDb, type ScheduleTestDb } from '../../test/schedule-db.js';
import { pgDeliveryStore } from './pg-delivery-store.js';
import { pgScheduleStore } from './pg-schedule-store.js';

// Issue 16: the events notifications writes carry the user's words (a task's title in a reminder, a reflection's
// summary and themes); with the key store they reach the outbox sealed, and nothing is written for an erased user.
describe('notifications events in the outbox are sealed with the owner\'s key (real Postgres)', () => {
  let db: ScheduleTestDb;
  let keys: PgKeyStore;
  const log = createLogger('sealed-events-spec', 'warn');

  beforeAll(async () => {
    db = await scheduleTestDb('notifications_sealed');
    await migrate(db.pool, 'keys', keyStoreMigrations);
    keys = new PgKeyStore(db.pool, new MasterKeyWrapper(Buffer.alloc(32, 9)));
  });
  afterAll(async () => {
    await db?.drop();
  });

  type Row = { event_id: string; event_type: string; schema_version: number; aggregate_type: string; aggregate_id: string; aggregate_version: number; user_id: string; payload: Record<string, unknown> };
  const rowsOf = async (userId: string, eventType: string) =>
    (await db.pool.query<Row>('SELECT * FROM outbox WHERE user_id = $1 AND event_type = $2 ORDER BY position', [userId, eventType])).rows;
  /** How a consumer reads the row: the sealed fields opened with the owner's key. */
  const opened = async (row: Row) =>
    ((await openStoredEvent({ eventId: row.event_id, eventType: row.event_type, schemaVersion: row.schema_version, aggregateType: row.aggregate_type, aggregateId: row.aggregate_id, aggregateVersion: row.aggregate_version, userId: row.user_id, payload: row.payload }, keys)) as { payload: Record<string, unknown> }).payload;
  const user = async (preferences?: string) => {
    const id = randomUUID();
    await db.pool.query(`INSERT INTO notification_recipients (user_id, email, registered_at) VALUES ($1, 'a@example.test', now())`, [id]);
    if (preferences) await db.pool.query(`INSERT INTO notification_preferences (user_id, updated_at, ${preferences.split('=')[0]}) VALUES ($1, now(), $2)`, [id, preferences.split('=')[1]]);
    return id;
  };
  const remindTask = async (userId: string, title: string, fireAt: Date) => {
    const taskId = randomUUID();
    await db.pool.query(`INSERT INTO task_reminders (task_id, user_id, title, date, due_time, remind_at) VALUES ($1, $2, $3, $4::date, '18:30', $5)`, [taskId, userId, title, fireAt.toISOString().slice(0, 10), fireAt]);
    await db.pool.query(`INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'TASK_DUE', $3, $4, $5, now())`,
      [`task:${taskId}`, userId, taskId, fireAt.toISOString(), fireAt]);
    return taskId;
  };

  it('seals a fired reminder\'s NotificationCreated (title, body) and a weekly reflection\'s WeeklyReflectionGenerated', async () => {
    const marker = `zyxmarker${randomUUID().slice(0, 8)}`;
    const userId = await user('weekly_reflection_on=3');
    const firedAt = new Date('2030-04-03T18:00:00Z');
    await remindTask(userId, `Call ${marker} about the lease`, new Date(firedAt.getTime() - 1_000));
    await db.pool.query(`INSERT INTO reflection_entries (entry_id, user_id, content, mood, created_at, themes) VALUES ($1, $2, $3, 'CALM', '2030-03-31T15:00:00Z', $4)`,
      [randomUUID(), userId, `a walk with ${marker}`, [marker]]);
    await db.pool.query(`INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'WEEKLY_REFLECTION', NULL, '2030-04-03', $3, now())`,
      [`weekly:${userId}`, userId, firedAt]);
    const scheduler = createScheduler({ store: pgScheduleStore(db.pool, keys), log, now: () => new Date(firedAt.getTime() + 1_000), newId: randomUUID, concurrency: 1 });
    expect(await scheduler.runOnce()).toBeGreaterThanOrEqual(2);

    const created = await rowsOf(userId, 'NotificationCreated');
    expect(created).toHaveLength(2);
    const reflection = await rowsOf(userId, 'WeeklyReflectionGenerated');
    expect(reflection).toHaveLength(1);
    for (const row of [...created, ...reflection]) {
      expect(isSealed(row.payload)).toBe(true);
      expect(JSON.stringify(row.payload)).not.toContain(marker);
    }
    const titles = await Promise.all(created.map(async (row) => (await opened(row))['title']));
    expect(titles.some((title) => String(title).includes(marker))).toBe(true);
    expect((await opened(reflection[0]!))['themes']).toContain(marker);
  });

  it('seals the delivery worker\'s NotificationCreated, and writes none for an erased user (no error)', async () => {
    const marker = `qvmarker${randomUUID().slice(0, 8)}`;
    const [alive, erased] = [await user(), await user()];
    const created = (userId: string) => {
      const notificationId = randomUUID();
      return newEvent('NotificationCreated', {
        eventId: randomUUID(), occurredAt: new Date().toISOString(), source: 'notifications', correlationId: randomUUID(), causationId: null, userId,
        aggregateId: notificationId, aggregateVersion: 1,
        payload: { notificationId, userId, kind: 'TASK_DUE', title: `Webhook ${marker} disabled`, body: `It failed for ${marker}`, subjectType: null, subjectId: null, channels: [], createdAt: new Date().toISOString() },
      });
    };
    await keys.getOrCreate(erased);
    await keys.destroy(erased);
    const store = pgDeliveryStore(db.pool, keys);
    await store.transaction((tx) => tx.appendEvents([created(alive), created(erased)]));

    const [row, ...more] = await rowsOf(alive, 'NotificationCreated');
    expect(more).toEqual([]);
    expect(JSON.stringify(row!.payload)).not.toContain(marker);
    expect(await opened(row!)).toMatchObject({ title: `Webhook ${marker} disabled`, body: `It failed for ${marker}` });
    expect(await rowsOf(erased, 'NotificationCreated')).toEqual([]);
  });
});
