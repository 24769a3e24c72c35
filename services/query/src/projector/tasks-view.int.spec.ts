import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';

let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('tasks_view');
});
afterAll(async () => projection?.close());

const owner = randomUUID();
const taskId = randomUUID();
const at = (minute: number) => `2030-04-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const fact = (event: AnyEvent, version: number) => ({ ...event, eventId: randomUUID(), aggregateVersion: version, userId: owner });
const plan = { title: 'Swim', description: null, date: '2030-04-01', dueTime: '07:00', priority: 'HIGH' as const, category: 'health', recurrence: 'FREQ=WEEKLY;COUNT=4' };

const row = async () =>
  (
    await projection.read.query(
      `SELECT owner_id, title, to_char(date, 'YYYY-MM-DD') AS date, due_time, priority, category, recurrence, last_date::text,
              completed, completed_at, version, deleted_at FROM tasks_view WHERE task_id = $1`,
      [taskId],
    )
  ).rows[0];

describe('tasks_view', () => {
  it('holds a created task with where its series ends', async () => {
    await projection.append([fact(sampleEvent('TaskCreated', { payload: { taskId, ...plan, createdAt: at(0) } }), 1)]);
    await projection.caughtUp();
    expect(await row()).toEqual({
      owner_id: owner, title: 'Swim', date: '2030-04-01', due_time: '07:00', priority: 'HIGH', category: 'health',
      recurrence: 'FREQ=WEEKLY;COUNT=4', last_date: '2030-04-22', completed: false, completed_at: null, version: 1, deleted_at: null,
    });
  });

  it('follows completion, reopening and an edit that makes the series endless', async () => {
    await projection.append([
      fact(sampleEvent('TaskCompleted', { payload: { taskId, completedAt: at(1) } }), 2),
      fact(sampleEvent('TaskReopened', { payload: { taskId, reopenedAt: at(2) } }), 3),
      fact(sampleEvent('TaskCompleted', { payload: { taskId, completedAt: at(3) } }), 4),
      fact(sampleEvent('TaskUpdated', {
        payload: { taskId, ...plan, recurrence: 'FREQ=DAILY', completed: true, completedAt: at(3), changedFields: ['recurrence'], updatedAt: at(4) },
      }), 5),
    ]);
    await projection.caughtUp();
    expect(await row()).toMatchObject({ recurrence: 'FREQ=DAILY', last_date: 'infinity', completed: true, completed_at: new Date(at(3)), version: 5 });
  });

  it('soft-deletes it', async () => {
    await projection.append([fact(sampleEvent('TaskDeleted', { payload: { taskId, deletedAt: at(9) } }), 6)]);
    await projection.caughtUp();
    expect(await row()).toMatchObject({ version: 6, deleted_at: new Date(at(9)) });
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const before = (await projection.read.query('SELECT * FROM tasks_view ORDER BY task_id')).rows;
    expect(await projection.redeliverEverything()).toBe(0);
    expect((await projection.read.query('SELECT * FROM tasks_view ORDER BY task_id')).rows).toEqual(before);
  });
});
