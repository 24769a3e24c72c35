import { describe, expect, it } from 'vitest';
import { deciderSpecification, testContext } from '../../test/decider-specification.js';
import { decideTask } from './decide-task.js';
import { evolveTask } from './evolve-task.js';
import type { TaskCommand } from './task-commands.js';
import type { TaskEvent } from './task-events.js';

const spec = deciderSpecification({
  stateFrom: (facts: readonly TaskEvent[]) => facts.reduce(evolveTask, null),
  decide: (command: TaskCommand, state, context) => decideTask(command, state, context),
});

const owner = '00000000-0000-4000-8000-000000000001';
const stranger = '00000000-0000-4000-8000-000000000002';
const taskId = testContext.ids[0]!;
const plan = {
  title: 'Water the plants',
  description: null,
  date: '2026-03-02',
  dueTime: null,
  priority: 'MEDIUM',
  category: 'general',
  recurrence: null,
  remindAt: null,
  reminderMinutesBefore: null,
} as const;
const created: TaskEvent = { type: 'TaskCreated', data: { taskId, ownerId: owner, ...plan, createdAt: '2026-02-01T08:00:00.000Z' } };
const completed: TaskEvent = { type: 'TaskCompleted', data: { taskId, occurrence: null, completedAt: '2026-03-02T18:00:00.000Z' } };
const create = (over: Record<string, unknown> = {}): TaskCommand => ({
  type: 'CreateTask',
  data: { ownerId: owner, title: ' Water the plants ', date: '2026-03-02', ...over },
});
const update = (over: Record<string, unknown> = {}): TaskCommand => ({
  type: 'UpdateTask',
  data: { taskId, callerId: owner, expectedVersion: 1, ...over },
});

describe('CreateTask', () => {
  it('creates the task with defaults for priority and category, the fresh id and the current time', () =>
    spec().when(create()).then({ ...created, data: { ...created.data, createdAt: testContext.now } }));

  it('keeps every given field, the recurrence written canonically', () =>
    spec()
      .when(create({ description: 'balcony', dueTime: '18:30', priority: 'HIGH', category: 'Home', recurrence: 'rrule:freq=weekly;byday=mo' }))
      .then({
        type: 'TaskCreated',
        data: { ...created.data, description: 'balcony', dueTime: '18:30', priority: 'HIGH', category: 'Home', recurrence: 'FREQ=WEEKLY;BYDAY=MO', createdAt: testContext.now },
      }));

  it.each([
    ['title', { title: '  ' }],
    ['title', { title: 'x'.repeat(201) }],
    ['date', { date: '2026-02-30' }],
    ['dueTime', { dueTime: '25:00' }],
    ['priority', { priority: 'SOMEDAY' }],
    ['category', { category: ' ' }],
    ['recurrence', { recurrence: 'FREQ=DAILY;INTERVAL=0' }],
    ['recurrence', { recurrence: 'FREQ=DAILY;UNTIL=20260101' }],
  ])('refuses a bad %s, naming it', (field, over) => spec().when(create(over)).thenRefuses({ code: 'BAD_USER_INPUT', field }));
});

describe('UpdateTask', () => {
  it('records the whole new plan, the completion as it is, and what changed', () =>
    spec(created, completed)
      .when(update({ expectedVersion: 2, title: 'Water the herbs', dueTime: '07:00' }))
      .then({
        type: 'TaskUpdated',
        data: {
          taskId, ...plan, title: 'Water the herbs', dueTime: '07:00', completed: true, completedAt: '2026-03-02T18:00:00.000Z',
          changedFields: ['title', 'dueTime'], updatedAt: testContext.now,
        },
      }));

  it('clears optional fields with null', () =>
    spec(created, { type: 'TaskUpdated', data: { taskId, ...plan, recurrence: 'FREQ=DAILY', completed: false, completedAt: null, changedFields: ['recurrence'], updatedAt: testContext.now } })
      .when(update({ expectedVersion: 2, recurrence: null }))
      .then({ type: 'TaskUpdated', data: { taskId, ...plan, completed: false, completedAt: null, changedFields: ['recurrence'], updatedAt: testContext.now } }));

  it('validates a new recurrence against the (new) date', () =>
    spec(created).when(update({ recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'recurrence' }));

  it('records nothing when nothing changes', () => spec(created).when(update({ title: 'Water the plants', priority: 'MEDIUM' })).then());

  it('refuses a stale expected version, telling the current one', () =>
    spec(created, completed).when(update({ title: 'x' })).thenRefuses({ code: 'CONFLICT', currentVersion: 2 }));

  it("answers NOT_FOUND for another owner's task", () => spec(created).when(update({ callerId: stranger, title: 'x' })).thenRefuses({ code: 'NOT_FOUND' }));
});

describe('CompleteTask and ReopenTask', () => {
  const complete: TaskCommand = { type: 'CompleteTask', data: { taskId, callerId: owner } };
  const reopen: TaskCommand = { type: 'ReopenTask', data: { taskId, callerId: owner } };

  it('completes an open task', () => spec(created).when(complete).then({ type: 'TaskCompleted', data: { taskId, occurrence: null, completedAt: testContext.now } }));

  it('completing a completed task is no fact', () => spec(created, completed).when(complete).then());

  it('reopens a completed task', () => spec(created, completed).when(reopen).then({ type: 'TaskReopened', data: { taskId, occurrence: null, reopenedAt: testContext.now } }));

  it("takes a one-off task's own date as its occurrence, and refuses any other date", () => {
    spec(created).when({ type: 'CompleteTask', data: { taskId, callerId: owner, occurrence: '2026-03-02' } })
      .then({ type: 'TaskCompleted', data: { taskId, occurrence: null, completedAt: testContext.now } });
    spec(created).when({ type: 'CompleteTask', data: { taskId, callerId: owner, occurrence: '2026-03-03' } }).thenRefuses({ code: 'BAD_USER_INPUT', field: 'occurrence' });
    spec(created, completed).when({ type: 'ReopenTask', data: { taskId, callerId: owner, occurrence: '2026-02-30' } }).thenRefuses({ code: 'BAD_USER_INPUT', field: 'occurrence' });
  });

  it('reopening an open task is no fact', () => spec(created).when(reopen).then());

  it("answers NOT_FOUND for another owner's task and for a deleted one", () => {
    spec(created).when({ type: 'CompleteTask', data: { taskId, callerId: stranger } }).thenRefuses({ code: 'NOT_FOUND' });
    spec(created, { type: 'TaskDeleted', data: { taskId, deletedAt: testContext.now } }).when(reopen).thenRefuses({ code: 'NOT_FOUND' });
  });
});

describe('CompleteTask and ReopenTask on a recurring task: one occurrence at a time', () => {
  // Monthly on the 2nd, from 2026-03-02.
  const monthly: TaskEvent = { type: 'TaskCreated', data: { ...created.data, recurrence: 'FREQ=MONTHLY' } };
  const on = (type: 'CompleteTask' | 'ReopenTask', occurrence?: string | null): TaskCommand => ({ type, data: { taskId, callerId: owner, occurrence } });
  const aprilDone: TaskEvent = { type: 'TaskCompleted', data: { taskId, occurrence: '2026-04-02', completedAt: '2026-04-02T18:00:00.000Z' } };

  it('completes the one occurrence named', () =>
    spec(monthly).when(on('CompleteTask', '2026-04-02')).then({ type: 'TaskCompleted', data: { taskId, occurrence: '2026-04-02', completedAt: testContext.now } }));

  it('leaves the other occurrences open: completing the next one is a fact of its own', () =>
    spec(monthly, aprilDone).when(on('CompleteTask', '2026-05-02')).then({ type: 'TaskCompleted', data: { taskId, occurrence: '2026-05-02', completedAt: testContext.now } }));

  it('completing a completed occurrence is no fact', () => spec(monthly, aprilDone).when(on('CompleteTask', '2026-04-02')).then());

  it('reopens a completed occurrence only; reopening an open one is no fact', () => {
    spec(monthly, aprilDone).when(on('ReopenTask', '2026-04-02')).then({ type: 'TaskReopened', data: { taskId, occurrence: '2026-04-02', reopenedAt: testContext.now } });
    spec(monthly, aprilDone).when(on('ReopenTask', '2026-05-02')).then();
    spec(monthly, aprilDone, { type: 'TaskReopened', data: { taskId, occurrence: '2026-04-02', reopenedAt: testContext.now } }).when(on('ReopenTask', '2026-04-02')).then();
  });

  it('counts the first date as an occurrence', () =>
    spec(monthly).when(on('CompleteTask', '2026-03-02')).then({ type: 'TaskCompleted', data: { taskId, occurrence: '2026-03-02', completedAt: testContext.now } }));

  it.each([
    ['no occurrence', undefined],
    ['a null occurrence', null],
    ['a day the series does not fall on', '2026-04-03'],
    ['a day before the series starts', '2026-02-02'],
    ['a day that does not exist', '2026-04-31'],
  ])('refuses %s on the occurrence field', (_why, occurrence) => {
    spec(monthly).when(on('CompleteTask', occurrence)).thenRefuses({ code: 'BAD_USER_INPUT', field: 'occurrence' });
    spec(monthly, aprilDone).when(on('ReopenTask', occurrence)).thenRefuses({ code: 'BAD_USER_INPUT', field: 'occurrence' });
  });

  it('answers NOT_FOUND before looking at the occurrence', () =>
    spec(monthly).when({ type: 'CompleteTask', data: { taskId, callerId: stranger } }).thenRefuses({ code: 'NOT_FOUND' }));
});

describe('reminders', () => {
  const later = '2030-01-01T09:00:00.000Z'; // after testContext.now
  const reminded: TaskEvent = { type: 'TaskCreated', data: { ...created.data, remindAt: later, reminderMinutesBefore: 30 } };
  const updated = (data: Record<string, unknown>) =>
    ({ type: 'TaskUpdated', data: { taskId, ...plan, completed: false, completedAt: null, updatedAt: testContext.now, ...data } }) as TaskEvent;

  it('creates a task with both reminders: one at an instant (answered in UTC), one before each occurrence', () =>
    spec()
      .when(create({ remindAt: '2030-01-01T10:00:00+01:00', reminderMinutesBefore: 30 }))
      .then({ type: 'TaskCreated', data: { ...created.data, remindAt: later, reminderMinutesBefore: 30, createdAt: testContext.now } }));

  it('counts minutes before a task without a due time too (from 09:00 local, the notifications service reads it so)', () =>
    spec().when(create({ reminderMinutesBefore: 0 })).then({ type: 'TaskCreated', data: { ...created.data, reminderMinutesBefore: 0, createdAt: testContext.now } }));

  it.each([
    ['remindAt', { remindAt: 'tomorrow at nine' }],
    ['remindAt', { remindAt: '2030-01-01T09:00:00' }], // no zone: which nine o'clock?
    ['remindAt', { remindAt: '2300-01-01T09:00:00Z' }],
    ['remindAt', { remindAt: '2020-01-01T09:00:00Z' }], // in the past: it would never fire
    ['reminderMinutesBefore', { reminderMinutesBefore: -1 }],
    ['reminderMinutesBefore', { reminderMinutesBefore: 10_081 }],
    ['reminderMinutesBefore', { reminderMinutesBefore: 2.5 }],
  ])('refuses a bad %s, naming it', (field, over) => spec().when(create(over)).thenRefuses({ code: 'BAD_USER_INPUT', field }));

  it('takes a reminder a few minutes late (it fires at once), not one long past', () => {
    const now = Date.parse(testContext.now);
    const justNow = new Date(now - 4 * 60_000).toISOString();
    spec().when(create({ remindAt: justNow })).then({ type: 'TaskCreated', data: { ...created.data, remindAt: justNow, createdAt: testContext.now } });
    spec().when(create({ remindAt: new Date(now - 6 * 60_000).toISOString() })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'remindAt' });
  });

  it('changes the reminders, naming them in changedFields', () =>
    spec(created)
      .when(update({ remindAt: later, reminderMinutesBefore: 15 }))
      .then(updated({ remindAt: later, reminderMinutesBefore: 15, changedFields: ['remindAt', 'reminderMinutesBefore'] })));

  it('keeps absent reminders, clears null ones', () => {
    spec(reminded).when(update({ title: 'Water the herbs' })).then(updated({ title: 'Water the herbs', remindAt: later, reminderMinutesBefore: 30, changedFields: ['title'] }));
    spec(reminded).when(update({ remindAt: null })).then(updated({ reminderMinutesBefore: 30, changedFields: ['remindAt'] }));
    spec(reminded).when(update({ reminderMinutesBefore: null })).then(updated({ remindAt: later, changedFields: ['reminderMinutesBefore'] }));
  });

  it('records nothing for the same reminder given again (the same instant in another zone included)', () =>
    spec(reminded).when(update({ remindAt: '2030-01-01T04:00:00-05:00', reminderMinutesBefore: 30 })).then());

  it('does not check a kept reminder that has passed meanwhile, only a changed one', () => {
    const past: TaskEvent = { type: 'TaskCreated', data: { ...created.data, remindAt: '2020-01-01T09:00:00.000Z' } };
    spec(past).when(update({ title: 'Water the herbs' })).then(updated({ title: 'Water the herbs', remindAt: '2020-01-01T09:00:00.000Z', changedFields: ['title'] }));
    spec(past).when(update({ remindAt: '2020-01-02T09:00:00.000Z' })).thenRefuses({ code: 'BAD_USER_INPUT', field: 'remindAt' });
  });
});

describe('evolveTask', () => {
  it('keeps each completed occurrence with its time, and drops a reopened one', () => {
    const monthly = { ...created, data: { ...created.data, recurrence: 'FREQ=MONTHLY' } } as TaskEvent;
    const facts: TaskEvent[] = [
      monthly,
      { type: 'TaskCompleted', data: { taskId, occurrence: '2026-04-02', completedAt: '2026-04-02T18:00:00.000Z' } },
      { type: 'TaskCompleted', data: { taskId, occurrence: '2026-05-02', completedAt: '2026-05-02T18:00:00.000Z' } },
      { type: 'TaskReopened', data: { taskId, occurrence: '2026-04-02', reopenedAt: '2026-05-03T08:00:00.000Z' } },
    ];
    expect(facts.reduce(evolveTask, null)).toMatchObject({
      completed: false, completedAt: null, completedOccurrences: { '2026-05-02': '2026-05-02T18:00:00.000Z' }, version: 4, updatedAt: '2026-05-03T08:00:00.000Z',
    });
  });
});

describe('DeleteTask', () => {
  const remove: TaskCommand = { type: 'DeleteTask', data: { taskId, callerId: owner } };

  it('deletes the task', () => spec(created).when(remove).then({ type: 'TaskDeleted', data: { taskId, deletedAt: testContext.now } }));

  it('answers NOT_FOUND once deleted, and for a task that never existed', () => {
    spec(created, { type: 'TaskDeleted', data: { taskId, deletedAt: testContext.now } }).when(remove).thenRefuses({ code: 'NOT_FOUND' });
    spec().when(remove).thenRefuses({ code: 'NOT_FOUND' });
  });
});
