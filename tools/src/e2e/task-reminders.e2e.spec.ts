// A task's reminders through the gateway, in both ways to run (issue 14): createTask with remindAt and
// reminderMinutesBefore, read back from the query projection with the write's consistency token (task and
// tasks(from, to), whose occurrences carry the series' reminders), updateTask keeping an absent one and clearing a
// null one, and the refusals a client can act on (field named, nothing written). Another user never sees them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import type { GatewayClient } from './gateway-client.js';
import type { E2eGateway } from './test/e2e-system.js';
import { sharedE2eSystem } from './test/shared-e2e-system.js';

const modes: Mode[] = ['embedded', 'distributed'];
const after = (...tokens: string[]) => ({ 'x-consistent-with': tokens.join(',') });

const fields = 'id title date dueTime recurrence occurrence remindAt reminderMinutesBefore version';
const createTask = `mutation ($input: CreateTaskInput!) { createTask(input: $input) { task { ${fields} } consistencyToken } }`;
const updateTask = `mutation ($id: ID!, $v: Int!, $input: UpdateTaskInput!) {
  updateTask(id: $id, expectedVersion: $v, input: $input) { task { ${fields} } consistencyToken } }`;
const task = `query ($id: ID!) { task(id: $id) { ${fields} } }`;
const tasks = `query ($from: Date, $to: Date) { tasks(from: $from, to: $to) { edges { node { ${fields} } } } }`;

interface Task { id: string; remindAt: string | null; reminderMinutesBefore: number | null; version: number; occurrence: string | null }
interface Written { task: Task; consistencyToken: string }

describe.each(modes)('task reminders through the gateway (%s mode)', (mode) => {
  let e2e: E2eGateway;
  let alice: GatewayClient;
  let bob: GatewayClient;

  beforeAll(async () => {
    e2e = await sharedE2eSystem(mode);
    [alice, bob] = await Promise.all([e2e.newUser(), e2e.newUser()]);
  });

  const read = async (id: string, token: string) => (await alice.data<{ task: Task | null }>(task, { id }, after(token))).task;
  const update = async (id: string, v: number, input: Record<string, unknown>) =>
    (await alice.data<{ updateTask: Written }>(updateTask, { id, v, input })).updateTask;

  it('creates a recurring task with both reminders, updates one, keeps the other, and clears them', async () => {
    const input = { title: 'Water the garden', date: '2031-05-05', dueTime: '18:30', recurrence: 'FREQ=WEEKLY;COUNT=3' };
    // Given with an offset, answered in UTC.
    const { createTask: created } = await alice.data<{ createTask: Written }>(createTask, {
      input: { ...input, remindAt: '2031-05-04T20:00:00+02:00', reminderMinutesBefore: 30 },
    });
    expect(created.task).toMatchObject({ remindAt: '2031-05-04T18:00:00.000Z', reminderMinutesBefore: 30, version: 1 });
    const id = created.task.id;
    expect(await read(id, created.consistencyToken)).toMatchObject({ remindAt: '2031-05-04T18:00:00.000Z', reminderMinutesBefore: 30, version: 1 });
    // Every occurrence carries the series' reminder (the notifications service counts it before each one).
    const week = await alice.data<{ tasks: { edges: { node: Task }[] } }>(tasks, { from: '2031-05-05', to: '2031-05-19' });
    const occurrences = week.tasks.edges.filter((e) => e.node.id === id);
    expect(occurrences.map((e) => [e.node.occurrence, e.node.reminderMinutesBefore])).toEqual([['2031-05-05', 30], ['2031-05-12', 30], ['2031-05-19', 30]]);

    // Absent keeps, a value changes.
    const changed = await update(id, 1, { reminderMinutesBefore: 5 });
    expect(changed.task).toMatchObject({ remindAt: '2031-05-04T18:00:00.000Z', reminderMinutesBefore: 5, version: 2 });
    const renamed = await update(id, 2, { title: 'Water the roses' });
    expect(await read(id, renamed.consistencyToken)).toMatchObject({ remindAt: '2031-05-04T18:00:00.000Z', reminderMinutesBefore: 5, version: 3 });

    // Null clears, one at a time and both.
    const noInstant = await update(id, 3, { remindAt: null });
    expect(await read(id, noInstant.consistencyToken)).toMatchObject({ remindAt: null, reminderMinutesBefore: 5, version: 4 });
    const reminded = await update(id, 4, { remindAt: '2031-05-11T07:00:00Z' });
    expect(reminded.task).toMatchObject({ remindAt: '2031-05-11T07:00:00.000Z', reminderMinutesBefore: 5, version: 5 });
    const cleared = await update(id, 5, { remindAt: null, reminderMinutesBefore: null });
    expect(cleared.task).toMatchObject({ remindAt: null, reminderMinutesBefore: null, version: 6 });
    expect(await read(id, cleared.consistencyToken)).toMatchObject({ remindAt: null, reminderMinutesBefore: null, version: 6 });
    // The same reminder again is no change.
    expect((await update(id, 6, { remindAt: null })).task.version).toBe(6);

    // Bob reads nothing of it.
    expect((await bob.data<{ task: Task | null }>(task, { id })).task).toBeNull();
  });

  it('refuses a bad reminder on its field and writes nothing', async () => {
    const base = { title: 'Call the plumber', date: '2031-06-01' };
    const refusal = async (input: Record<string, unknown>) => (await alice.request(createTask, { input: { ...base, ...input } })).errors?.[0]?.extensions;
    expect(await refusal({ reminderMinutesBefore: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reminderMinutesBefore' });
    expect(await refusal({ reminderMinutesBefore: 10_081 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reminderMinutesBefore' });
    expect(await refusal({ remindAt: '2020-01-01T09:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remindAt' });
    expect(await refusal({ remindAt: '2301-01-01T09:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remindAt' });
    // Not an instant at all: the DateTime scalar refuses it before any resolver runs.
    expect(await refusal({ remindAt: 'tomorrow morning' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    const none = await alice.data<{ tasks: { edges: unknown[] } }>(tasks, { from: '2031-06-01', to: '2031-06-01' });
    expect(none.tasks.edges).toEqual([]);
  });
});
