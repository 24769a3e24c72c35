import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { erasureReceiptId } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { embeddedProjection, type EmbeddedProjection } from '@mindflow/event-log/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsProjection, startNotificationsProjector, type RunningNotificationsProjector } from './notifications-projector.js';
import { notificationsUserTables } from './user-erasure.js';

// Erasure in the notifications projection (issue 16): the embedded event log over real Postgres; the
// notifications DB (here the test's read DB) holds its own outbox, where the acknowledgement goes.
let projection: EmbeddedProjection<RunningNotificationsProjector>;
beforeAll(async () => {
  projection = await embeddedProjection('notifications_erasure', {
    projection: notificationsProjection,
    start: (config, { log, metrics }) =>
      startNotificationsProjector(
        { MINDFLOW_MODE: 'embedded', WRITE_DATABASE_URL: config.WRITE_DATABASE_URL, NOTIFICATIONS_DATABASE_URL: config.READ_DATABASE_URL },
        { log, metrics, startWorkers: false, workers: {} },
      ),
  });
});
afterAll(async () => projection?.close());

const [erased, other] = [randomUUID(), randomUUID()];
const occurredAt = '2030-03-01T00:00:00.000Z';
const versions = new Map<string, number>();
const fact = (event: AnyEvent, userId: string): AnyEvent => {
  const version = (versions.get(event.aggregateId) ?? 0) + 1;
  versions.set(event.aggregateId, version);
  return { ...event, eventId: randomUUID(), aggregateVersion: version, userId, occurredAt };
};
const registered = (userId: string) => fact(sampleEvent('UserRegistered', { payload: { ...samplePayloads.UserRegistered, userId, email: `${userId.slice(0, 8)}@example.com` } }), userId);
const taskWithReminder = (userId: string) =>
  fact(sampleEvent('TaskCreated', {
    payload: { ...samplePayloads.TaskCreated, taskId: randomUUID(), title: `call ${userId.slice(0, 8)}`, date: '2030-03-10', dueTime: '09:00', recurrence: null, remindAt: '2030-03-09T18:00:00.000Z', reminderMinutesBefore: 15, createdAt: occurredAt },
  }), userId);
const erasureRequested = (userId: string, attempt: number) =>
  fact(sampleEvent('UserErasureRequested', { payload: { userId, requestedAt: occurredAt, attempt, services: ['notifications'] } }), userId);

async function rowsOf(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of notificationsUserTables) {
    counts[table] = Number((await projection.read.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE user_id = $1`, [userId])).rows[0]!.n);
  }
  return counts;
}
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const acknowledgements = async (userId: string) =>
  (await projection.read.query<{ aggregate_id: string; payload: { attempt: number; service: string; erased: Record<string, number> } }>(
    `SELECT aggregate_id, payload FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1 ORDER BY position`,
    [userId],
  )).rows;

describe('erasure in the notifications projection', () => {
  it('names every table that holds rows of a user (a new one must join notificationsUserTables)', async () => {
    const { rows } = await projection.read.query<{ table_name: string }>(
      `SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'user_id'
         AND table_name NOT IN ('outbox', 'erased_users') ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...notificationsUserTables].sort());
  });

  it('erases the user (address, reminders, schedule) and nobody else, and acknowledges in its outbox once per attempt', async () => {
    await projection.append([registered(erased), taskWithReminder(erased), registered(other), taskWithReminder(other)]);
    await projection.caughtUp();
    const othersBefore = await rowsOf(other);
    expect(total(await rowsOf(erased))).toBeGreaterThanOrEqual(3);

    await projection.append([erasureRequested(erased, 1)]);
    await projection.caughtUp();
    expect(total(await rowsOf(erased))).toBe(0);
    expect(await rowsOf(other)).toEqual(othersBefore);
    const [ack] = await acknowledgements(erased);
    expect(ack).toEqual({
      aggregate_id: erasureReceiptId(erased, 'notifications', 1),
      payload: expect.objectContaining({ attempt: 1, service: 'notifications', erased: expect.objectContaining({ notification_recipients: 1, task_reminders: 1 }) }),
    });

    // The saga asks again: erased again (nothing left) and acknowledged again, as attempt 2.
    await projection.append([erasureRequested(erased, 2)]);
    await projection.caughtUp();
    expect((await acknowledgements(erased)).map((a) => a.payload.attempt)).toEqual([1, 2]);
  });

  it('writes nothing of the erased user from later events, and a redelivery brings nothing back nor acknowledges twice', async () => {
    await projection.append([taskWithReminder(erased)]);
    await projection.caughtUp();
    expect(total(await rowsOf(erased))).toBe(0);
    expect(await projection.redeliverEverything()).toBe(0);
    expect(total(await rowsOf(erased))).toBe(0);
    expect(await acknowledgements(erased)).toHaveLength(2);
  });
});
