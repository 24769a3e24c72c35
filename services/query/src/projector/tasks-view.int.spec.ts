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
const plan = { title: 'Swim', description: null, date: '2030-04-01', dueTime: '07:00', priority: 'HIGH' as const, category: 'health', recurrence: 'FREQ=WEEKLY;COUNT=4',
  remindAt: null, reminderMinutesBefore: null };

const row = async () =>
  (
    await projection.read.query<{
      owner_id: string; title: string; date: string; due_time: string | null; priority: string; category: string; recurrence: string | null;
      last_date: string; completed: boolean; completed_at: Date | null; version: number; deleted_at: Date | null;
    }>(
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
      fact(sampleEvent('TaskCompleted', { payload: { taskId, occurrence: null, completedAt: at(1) } }), 2),
      fact(sampleEvent('TaskReopened', { payload: { taskId, occurrence: null, reopenedAt: at(2) } }), 3),
      fact(sampleEvent('TaskCompleted', { payload: { taskId, occurrence: null, completedAt: at(3) } }), 4),
      fact(sampleEvent('TaskUpdated', {
        payload: { taskId, ...plan, recurrence: 'FREQ=DAILY', completed: true, completedAt: at(3), changedFields: ['recurrence'], updatedAt: at(4) },
      }), 5),
    ]);
    await projection.caughtUp();
    expect(await row()).toMatchObject({ recurrence: 'FREQ=DAILY', last_date: 'infinity', completed: true, completed_at: new Date(at(3)), version: 5 });
  });

  it('completes and reopens one occurrence of a recurring task on its own row, leaving the task and the other days open', async () => {
    const monthlyId = randomUUID();
    const occurrences = async () =>
      (await projection.read.query<{ occurrence: string; owner_id: string; completed_at: Date }>(
        `SELECT to_char(occurrence, 'YYYY-MM-DD') AS occurrence, owner_id, completed_at FROM task_occurrences_view WHERE task_id = $1 ORDER BY occurrence`,
        [monthlyId],
      )).rows;
    const monthly = (event: AnyEvent, version: number) => fact(event, version);
    await projection.append([
      monthly(sampleEvent('TaskCreated', { payload: { taskId: monthlyId, ...plan, title: 'Pay rent', recurrence: 'FREQ=MONTHLY', createdAt: at(0) } }), 1),
      monthly(sampleEvent('TaskCompleted', { payload: { taskId: monthlyId, occurrence: '2030-05-01', completedAt: at(1) } }), 2),
      monthly(sampleEvent('TaskCompleted', { payload: { taskId: monthlyId, occurrence: '2030-06-01', completedAt: at(2) } }), 3),
      monthly(sampleEvent('TaskReopened', { payload: { taskId: monthlyId, occurrence: '2030-05-01', reopenedAt: at(3) } }), 4),
    ]);
    await projection.caughtUp();
    expect(await occurrences()).toEqual([{ occurrence: '2030-06-01', owner_id: owner, completed_at: new Date(at(2)) }]);
    const task = (await projection.read.query('SELECT completed, completed_at, version, updated_at FROM tasks_view WHERE task_id = $1', [monthlyId])).rows[0];
    expect(task).toEqual({ completed: false, completed_at: null, version: 4, updated_at: new Date(at(3)) });
  });

  it('reads a V1 completion (no occurrence) as completing the whole task', async () => {
    const oneOff = randomUUID();
    // As the first producers wrote it: schemaVersion 1, no occurrence.
    const v2 = fact(sampleEvent('TaskCompleted', { payload: { taskId: oneOff, occurrence: null, completedAt: at(5) } }), 2);
    const v1 = { ...v2, schemaVersion: 1, payload: { taskId: oneOff, completedAt: at(5) } } as unknown as AnyEvent;
    await projection.append([fact(sampleEvent('TaskCreated', { payload: { taskId: oneOff, ...plan, recurrence: null, createdAt: at(4) } }), 1), v1]);
    await projection.caughtUp();
    const task = (await projection.read.query('SELECT completed, completed_at, version FROM tasks_view WHERE task_id = $1', [oneOff])).rows[0];
    expect(task).toEqual({ completed: true, completed_at: new Date(at(5)), version: 2 });
  });

  it('keeps the reminders: set on creation, changed, cleared; a V1 creation (before reminders) has none', async () => {
    const reminded = randomUUID();
    const reminders = async (id: string) =>
      (await projection.read.query<{ remind_at: Date | null; reminder_minutes_before: number | null; version: number }>(
        'SELECT remind_at, reminder_minutes_before, version FROM tasks_view WHERE task_id = $1', [id])).rows[0];
    const update = (change: Record<string, unknown>, changedFields: ('remindAt' | 'reminderMinutesBefore')[], version: number) =>
      fact(sampleEvent('TaskUpdated', {
        payload: { taskId: reminded, ...plan, ...change, completed: false, completedAt: null, changedFields, updatedAt: at(10 + version) },
      }), version);
    await projection.append([
      fact(sampleEvent('TaskCreated', { payload: { taskId: reminded, ...plan, remindAt: '2030-03-31T18:00:00.000Z', reminderMinutesBefore: 30, createdAt: at(10) } }), 1),
    ]);
    await projection.caughtUp();
    expect(await reminders(reminded)).toEqual({ remind_at: new Date('2030-03-31T18:00:00.000Z'), reminder_minutes_before: 30, version: 1 });

    await projection.append([update({ remindAt: '2030-03-31T19:00:00.000Z', reminderMinutesBefore: 0 }, ['remindAt', 'reminderMinutesBefore'], 2)]);
    await projection.caughtUp();
    expect(await reminders(reminded)).toEqual({ remind_at: new Date('2030-03-31T19:00:00.000Z'), reminder_minutes_before: 0, version: 2 });

    await projection.append([update({ remindAt: null, reminderMinutesBefore: null }, ['remindAt', 'reminderMinutesBefore'], 3)]);
    await projection.caughtUp();
    expect(await reminders(reminded)).toEqual({ remind_at: null, reminder_minutes_before: null, version: 3 });

    await projection.append([update({ remindAt: '2030-04-01T06:00:00.000Z', reminderMinutesBefore: 45 }, ['remindAt', 'reminderMinutesBefore'], 4)]);
    await projection.caughtUp();
    expect(await reminders(reminded)).toEqual({ remind_at: new Date('2030-04-01T06:00:00.000Z'), reminder_minutes_before: 45, version: 4 });

    // As the producers wrote it before issue 14: schemaVersion 1, no reminder fields.
    const old = randomUUID();
    const v2 = fact(sampleEvent('TaskCreated', { payload: { taskId: old, ...plan, reminderMinutesBefore: 5, createdAt: at(20) } }), 1);
    const { remindAt: _at, reminderMinutesBefore: _before, ...v1Payload } = v2.payload as Record<string, unknown>;
    await projection.append([{ ...v2, schemaVersion: 1, payload: v1Payload } as unknown as AnyEvent]);
    await projection.caughtUp();
    expect(await reminders(old)).toEqual({ remind_at: null, reminder_minutes_before: null, version: 1 });
  });

  it('soft-deletes it', async () => {
    await projection.append([fact(sampleEvent('TaskDeleted', { payload: { taskId, deletedAt: at(9) } }), 6)]);
    await projection.caughtUp();
    expect(await row()).toMatchObject({ version: 6, deleted_at: new Date(at(9)) });
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const read = async () => [
      (await projection.read.query('SELECT * FROM tasks_view ORDER BY task_id')).rows,
      (await projection.read.query('SELECT * FROM task_occurrences_view ORDER BY task_id, occurrence')).rows,
    ];
    const before = await read();
    expect(await projection.redeliverEverything()).toBe(0);
    expect(await read()).toEqual(before);
  });

  it('replays to the same tables, reminders included: over its own rows, and from empty tables', async () => {
    const read = async () => [
      (await projection.read.query('SELECT * FROM tasks_view ORDER BY task_id')).rows,
      (await projection.read.query('SELECT * FROM task_occurrences_view ORDER BY task_id, occurrence')).rows,
    ];
    const before = await read();
    expect(before[0]!.filter((row: { reminder_minutes_before: number | null }) => row.reminder_minutes_before !== null)).toHaveLength(1);
    const forgetVersions = async () => void (await projection.read.query("DELETE FROM projection_versions WHERE projection = 'query'"));
    await projection.restart(forgetVersions);
    await projection.caughtUp();
    expect(await read()).toEqual(before);
    await projection.restart(async () => {
      await forgetVersions();
      await projection.read.query('TRUNCATE tasks_view, task_occurrences_view');
    });
    await projection.caughtUp();
    expect(await read()).toEqual(before);
  });
});
