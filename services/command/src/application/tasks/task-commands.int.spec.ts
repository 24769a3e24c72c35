import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { newCaller } from '../../test/callers.js';
import { countRows, migratedWriteDb, outboxRows, type TestWriteDb } from '../../test/write-db.js';
import { written } from '../../test/written.js';
import { commandEnvironment } from '../../adapters/pg/pg-command-store.js';
import type { CommandEnvironment } from '../command-environment.js';
import { changeTask } from './change-task.js';
import { createTask } from './create-task.js';

let db: TestWriteDb;
let environment: CommandEnvironment;

beforeAll(async () => {
  db = await migratedWriteDb('command_tasks');
  environment = commandEnvironment(db.pool);
});
afterAll(async () => db?.drop());

const events = async (taskId: string) => (await outboxRows(db.pool, taskId)).map((r) => [r.event_type, r.aggregate_version]);

describe('task commands against the write DB', () => {
  it('creates: the row, its recurrence and TaskCreated commit together', async () => {
    const caller = newCaller();
    const { state: task, consistencyToken } = written(
      await createTask(environment, caller, {
        title: 'Run', date: '2030-05-06', dueTime: '07:15', priority: 'LOW', recurrence: 'freq=weekly;byday=mo,th', remindAt: '2030-05-05T20:00:00-02:00', reminderMinutesBefore: 10,
      }),
    );
    expect(task).toMatchObject({
      ownerId: caller.userId, date: '2030-05-06', dueTime: '07:15', priority: 'LOW', category: 'general', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
      remindAt: '2030-05-05T22:00:00.000Z', reminderMinutesBefore: 10, completed: false, version: 1,
    });
    expect(Buffer.from(consistencyToken, 'base64url').toString()).toBe(`${task.id}:1`);
    expect((await db.pool.query('SELECT rule FROM task_recurrences WHERE task_id = $1', [task.id])).rows).toEqual([{ rule: 'FREQ=WEEKLY;BYDAY=MO,TH' }]);
    expect(await outboxRows(db.pool, task.id)).toEqual([
      expect.objectContaining({
        event_type: 'TaskCreated',
        user_id: caller.userId,
        payload: {
          taskId: task.id, title: 'Run', description: null, date: '2030-05-06', dueTime: '07:15', priority: 'LOW', category: 'general', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH',
          remindAt: '2030-05-05T22:00:00.000Z', reminderMinutesBefore: 10, createdAt: task.createdAt,
        },
      }),
    ]);
  });

  it('refuses a bad rule on the recurrence field and writes nothing', async () => {
    const caller = newCaller();
    expect(await createTask(environment, caller, { title: 'x', date: '2030-05-06', recurrence: 'FREQ=DAILY;BYMONTHDAY=40' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'recurrence',
    });
    expect(await countRows(db.pool, 'tasks', 'owner_id = $1', [caller.userId])).toBe(0);
  });

  it('updates with a version check and clears the recurrence row', async () => {
    const caller = newCaller();
    const { state: task } = written(await createTask(environment, caller, { title: 'Stretch', date: '2030-05-06', recurrence: 'FREQ=DAILY' }));
    const update = (expectedVersion: number, change: Record<string, unknown>) =>
      changeTask(environment, caller, { type: 'UpdateTask', data: { taskId: task.id, callerId: caller.userId, expectedVersion, ...change } });
    expect(written(await update(1, { recurrence: null, category: 'Health' })).state).toMatchObject({ recurrence: null, category: 'Health', version: 2 });
    expect(await countRows(db.pool, 'task_recurrences', 'task_id = $1', [task.id])).toBe(0);
    expect(await update(1, { title: 'late' })).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const [, updated] = await outboxRows(db.pool, task.id);
    expect(updated?.payload).toMatchObject({ changedFields: ['category', 'recurrence'], recurrence: null, completed: false });
  });

  it('keeps the reminders in the write DB: set, kept by an unrelated edit, cleared', async () => {
    const caller = newCaller();
    const { state: task } = written(await createTask(environment, caller, { title: 'Call the vet', date: '2030-05-06', remindAt: '2030-05-06T08:00:00Z' }));
    const update = (expectedVersion: number, change: Record<string, unknown>) =>
      changeTask(environment, caller, { type: 'UpdateTask', data: { taskId: task.id, callerId: caller.userId, expectedVersion, ...change } });
    expect(written(await update(1, { reminderMinutesBefore: 60 })).state).toMatchObject({ remindAt: '2030-05-06T08:00:00.000Z', reminderMinutesBefore: 60, version: 2 });
    expect(written(await update(2, { title: 'Call the vet back' })).state).toMatchObject({ remindAt: '2030-05-06T08:00:00.000Z', reminderMinutesBefore: 60, version: 3 });
    expect(written(await update(3, { remindAt: null })).state).toMatchObject({ remindAt: null, reminderMinutesBefore: 60, version: 4 });
    const row = await db.pool.query('SELECT remind_at, reminder_minutes_before FROM tasks WHERE id = $1', [task.id]);
    expect(row.rows).toEqual([{ remind_at: null, reminder_minutes_before: 60 }]);
    expect((await outboxRows(db.pool, task.id)).map((r) => r.payload.changedFields)).toEqual([undefined, ['reminderMinutesBefore'], ['title'], ['remindAt']]);
  });

  it('completes and reopens idempotently in effect: a repeat writes no event and answers the task as it is', async () => {
    const caller = newCaller();
    const { state: task } = written(await createTask(environment, caller, { title: 'File taxes', date: '2030-04-15' }));
    const run = (type: 'CompleteTask' | 'ReopenTask') => changeTask(environment, caller, { type, data: { taskId: task.id, callerId: caller.userId } });
    const completed = written(await run('CompleteTask'));
    expect(completed.state).toMatchObject({ completed: true, version: 2 });
    expect(await countRows(db.pool, 'task_completions', 'task_id = $1', [task.id])).toBe(1);
    expect(written(await run('CompleteTask'))).toEqual(completed);
    expect(written(await run('ReopenTask')).state).toMatchObject({ completed: false, completedAt: null, version: 3 });
    expect(await countRows(db.pool, 'task_completions', 'task_id = $1', [task.id])).toBe(0);
    expect(written(await run('ReopenTask')).state.version).toBe(3);
    expect(await events(task.id)).toEqual([['TaskCreated', 1], ['TaskCompleted', 2], ['TaskReopened', 3]]);
  });

  it('completes a recurring task one occurrence at a time: the others stay open, each with its row and event', async () => {
    const caller = newCaller();
    const { state: task } = written(await createTask(environment, caller, { title: 'Pay rent', date: '2030-01-01', recurrence: 'FREQ=MONTHLY' }));
    const run = (type: 'CompleteTask' | 'ReopenTask', occurrence?: string) =>
      changeTask(environment, caller, { type, data: { taskId: task.id, callerId: caller.userId, occurrence } });
    expect(await run('CompleteTask')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurrence' });
    expect(await run('CompleteTask', '2030-02-15')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurrence' });
    const february = written(await run('CompleteTask', '2030-02-01'));
    expect(february.state).toMatchObject({ completed: false, completedOccurrences: { '2030-02-01': expect.any(String) }, version: 2 });
    expect(written(await run('CompleteTask', '2030-02-01'))).toEqual(february);
    expect(written(await run('CompleteTask', '2030-04-01')).state.completedOccurrences).toEqual({
      '2030-02-01': february.state.completedOccurrences['2030-02-01'], '2030-04-01': expect.any(String),
    });
    const occurrences = async () =>
      (await db.pool.query<{ day: string }>(`SELECT to_char(occurrence, 'YYYY-MM-DD') AS day FROM task_occurrence_completions WHERE task_id = $1 ORDER BY 1`, [task.id])).rows.map((r) => r.day);
    expect(await occurrences()).toEqual(['2030-02-01', '2030-04-01']);
    expect(await countRows(db.pool, 'task_completions', 'task_id = $1', [task.id])).toBe(0);
    expect(written(await run('ReopenTask', '2030-03-01')).state.version).toBe(3);
    expect(written(await run('ReopenTask', '2030-02-01')).state).toMatchObject({ completedOccurrences: { '2030-04-01': expect.any(String) }, version: 4 });
    expect(await occurrences()).toEqual(['2030-04-01']);
    expect((await outboxRows(db.pool, task.id)).map((r) => [r.event_type, r.payload['occurrence']])).toEqual([
      ['TaskCreated', undefined], ['TaskCompleted', '2030-02-01'], ['TaskCompleted', '2030-04-01'], ['TaskReopened', '2030-02-01'],
    ]);
  });

  it("deletes once, and answers NOT_FOUND for another user's task without touching it", async () => {
    const owner = newCaller();
    const { state: task } = written(await createTask(environment, owner, { title: 'Mine', date: '2030-04-15' }));
    const stranger = newCaller();
    for (const type of ['CompleteTask', 'ReopenTask', 'DeleteTask'] as const) {
      expect(await changeTask(environment, stranger, { type, data: { taskId: task.id, callerId: stranger.userId } })).toMatchObject({ code: 'NOT_FOUND' });
    }
    written(await changeTask(environment, owner, { type: 'DeleteTask', data: { taskId: task.id, callerId: owner.userId } }));
    expect(await changeTask(environment, owner, { type: 'CompleteTask', data: { taskId: task.id, callerId: owner.userId } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await events(task.id)).toEqual([['TaskCreated', 1], ['TaskDeleted', 2]]);
  });

  it('creates once per idempotency key, even when the retries race', async () => {
    const caller = newCaller({ idempotencyKey: 'task-retry' });
    const results = await Promise.all(Array.from({ length: 5 }, () => createTask(environment, caller, { title: 'Once', date: '2030-01-01' })));
    expect(results.some(isDomainError)).toBe(false);
    expect(new Set(results.map((r) => written(r).state.id)).size).toBe(1);
    expect(await countRows(db.pool, 'tasks', 'owner_id = $1', [caller.userId])).toBe(1);
  });

  it('serializes concurrent completions of one task: one event, one version', async () => {
    const caller = newCaller();
    const { state: task } = written(await createTask(environment, caller, { title: 'Race', date: '2030-01-01' }));
    const results = await Promise.all(
      Array.from({ length: 6 }, () => changeTask(environment, caller, { type: 'CompleteTask', data: { taskId: task.id, callerId: caller.userId } })),
    );
    expect(new Set(results.map((r) => written(r).state.version))).toEqual(new Set([2]));
    expect(await events(task.id)).toEqual([['TaskCreated', 1], ['TaskCompleted', 2]]);
  });
});
