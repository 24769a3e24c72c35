// Every mutation of API.md that the query subgraph serves, sent once through the gateway in both ways to
// run, each read back with its x-consistent-with token; and one user unable to read or change another's
// objects. (register / login / refreshSession / logout belong to identity's suite.)
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mode } from '../system/index.js';
import type { E2eGateway } from './test/e2e-system.js';
import { sharedE2eSystem } from './test/shared-e2e-system.js';
import type { GatewayClient } from './gateway-client.js';
import * as op from './mutation-operations.js';

const modes: Mode[] = ['embedded', 'distributed'];
const after = (token: string) => ({ 'x-consistent-with': token });

describe.each(modes)('every mutation through the gateway (%s mode)', (mode) => {
  let e2e: E2eGateway;
  let alice: GatewayClient;
  let bob: GatewayClient;

  beforeAll(async () => {
    e2e = await sharedE2eSystem(mode);
    [alice, bob] = await Promise.all([e2e.newUser(), e2e.newUser()]);
  });

  async function codeOf(client: GatewayClient, query: string, variables: Record<string, unknown>) {
    const res = await client.request(query, variables);
    return { code: res.errors?.[0]?.extensions?.code, field: res.errors?.[0]?.extensions?.field, data: res.data };
  }

  describe('journals and entries', () => {
    it('createJournal, updateJournal (stale version → CONFLICT), and the journals list', async () => {
      const { createJournal: created } = await alice.data<{ createJournal: { journal: op.Journal; consistencyToken: string } }>(
        op.createJournal, { input: { name: 'Field notes', description: 'outdoors', color: '#336699' } });
      expect(created.journal).toMatchObject({ name: 'Field notes', color: '#336699', version: 1, entryCount: 0 });

      const { updateJournal: updated } = await alice.data<{ updateJournal: { journal: op.Journal; consistencyToken: string } }>(
        op.updateJournal, { id: created.journal.id, v: 1, input: { name: 'Field notes 2026', color: null, isPrivate: true } });
      expect(updated.journal).toMatchObject({ name: 'Field notes 2026', description: 'outdoors', color: null, isPrivate: true, version: 2 });

      const stale = await alice.request(op.updateJournal, { id: created.journal.id, v: 1, input: { name: 'late' } });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const bad = await alice.request(op.updateJournal, { id: created.journal.id, v: 2, input: { name: '  ' } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });

      const read = await alice.data<{ journal: op.Journal }>(op.journal, { id: created.journal.id }, after(updated.consistencyToken));
      expect(read.journal).toMatchObject({ name: 'Field notes 2026', description: 'outdoors', color: null, isPrivate: true, version: 2 });
      const list = await alice.data<{ journals: op.Connection<{ id: string; name: string }> }>(op.journals, {}, after(updated.consistencyToken));
      expect(list.journals.edges.map((e) => e.node)).toContainEqual(expect.objectContaining({ id: created.journal.id, name: 'Field notes 2026' }));
    });

    it('createEntry, updateEntry (a move between journals moves the count) and deleteEntry', async () => {
      const journalA = await newJournal('A');
      const journalB = await newJournal('B');
      const { createEntry: created } = await alice.data<{ createEntry: { entry: op.Entry; consistencyToken: string } }>(
        op.createEntry, { input: { journalId: journalA, title: 'Tide', content: 'Low tide at dawn', mood: 'CALM', tags: ['sea'] } });

      const { updateEntry: updated } = await alice.data<{ updateEntry: { entry: op.Entry; consistencyToken: string } }>(op.updateEntry, {
        id: created.entry.id, v: 1, input: { journalId: journalB, content: 'Low tide at dawn, herons', mood: null, tags: ['sea', 'Birds'] },
      });
      expect(updated.entry).toMatchObject({ title: 'Tide', mood: null, tags: ['sea', 'birds'], wordCount: 5, version: 2 });
      const read = await alice.data<{ entry: op.Entry; a: op.Journal; b: op.Journal }>(
        `query ($id: ID!, $a: ID!, $b: ID!) { entry(id: $id) { id content mood tags version journal { id name } }
           a: journal(id: $a) { entryCount } b: journal(id: $b) { entryCount } }`,
        { id: created.entry.id, a: journalA, b: journalB }, after(updated.consistencyToken));
      expect(read).toEqual({
        entry: { id: created.entry.id, content: 'Low tide at dawn, herons', mood: null, tags: ['sea', 'birds'], version: 2, journal: { id: journalB, name: 'B' } },
        a: { entryCount: 0 },
        b: { entryCount: 1 },
      });

      const stale = await alice.request(op.updateEntry, { id: created.entry.id, v: 1, input: { content: 'late' } });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

      const { deleteEntry: deleted } = await alice.data<{ deleteEntry: op.Deleted }>(op.deleteEntry, { id: created.entry.id, v: 2 });
      expect(deleted).toMatchObject({ id: created.entry.id, version: 3 });
      const gone = await alice.data<{ entry: op.Entry | null; b: op.Journal }>(
        'query ($id: ID!, $b: ID!) { entry(id: $id) { id } b: journal(id: $b) { entryCount entries { totalCount } } }',
        { id: created.entry.id, b: journalB }, after(deleted.consistencyToken));
      expect(gone).toEqual({ entry: null, b: { entryCount: 0, entries: { totalCount: 0 } } });
    });

    it('deleteJournal takes its entries with it, from every read', async () => {
      const journalId = await newJournal('Doomed');
      const { createEntry: created } = await alice.data<{ createEntry: { entry: op.Entry; consistencyToken: string } }>(
        op.createEntry, { input: { journalId, content: 'soon gone' } });
      const stale = await alice.request(op.deleteJournal, { id: journalId, v: 7 });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });

      const { deleteJournal: deleted } = await alice.data<{ deleteJournal: op.Deleted }>(op.deleteJournal, { id: journalId });
      expect(deleted).toMatchObject({ id: journalId, version: 2, deletedAt: expect.any(String) });
      const read = await alice.data<{ journal: op.Journal | null; entry: op.Entry | null; journals: op.Connection<{ id: string }> }>(
        'query ($j: ID!, $e: ID!) { journal(id: $j) { id } entry(id: $e) { id } journals(first: 100) { edges { node { id } } } }',
        { j: journalId, e: created.entry.id }, { 'x-consistent-with': `${deleted.consistencyToken},${created.consistencyToken}` });
      expect(read.journal).toBeNull();
      expect(read.entry).toBeNull();
      expect(read.journals.edges.map((e) => e.node.id)).not.toContain(journalId);
      expect((await codeOf(alice, op.deleteJournal, { id: journalId })).code).toBe('NOT_FOUND');
    });
  });

  describe('thoughts', () => {
    it('captureThought (retried with its key: once), updateThought (stale → CONFLICT), thoughts by tag, deleteThought', async () => {
      type Captured = { captureThought: { thought: op.Thought; consistencyToken: string } };
      const key = `thought-${mode}`;
      const [first, retry] = await Promise.all([
        alice.data<Captured>(op.captureThought, { text: ' Ask about the allotment ', tags: ['Garden', '#garden'], key }),
        alice.data<Captured>(op.captureThought, { text: ' Ask about the allotment ', tags: ['Garden', '#garden'], key }),
      ]);
      expect(retry.captureThought.thought.id).toBe(first.captureThought.thought.id);
      expect(first.captureThought.thought).toMatchObject({ text: 'Ask about the allotment', tags: ['garden'], version: 1 });
      const id = first.captureThought.thought.id;

      const { updateThought: updated } = await alice.data<{ updateThought: { thought: op.Thought; consistencyToken: string } }>(
        op.updateThought, { id, v: 1, tags: ['garden', 'calls'] });
      expect(updated.thought).toMatchObject({ text: 'Ask about the allotment', tags: ['garden', 'calls'], version: 2 });
      const stale = await alice.request(op.updateThought, { id, v: 1, text: 'late' });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const blank = await alice.request(op.updateThought, { id, v: 2, text: '   ' });
      expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });

      const byTag = await alice.data<{ thoughts: op.Connection<op.Thought> }>(op.thoughts, { tag: '#Calls' }, after(updated.consistencyToken));
      expect(byTag.thoughts.totalCount).toBe(1);
      expect(byTag.thoughts.edges[0]!.node).toMatchObject({ id, tags: ['garden', 'calls'], version: 2 });

      const { deleteThought: deleted } = await alice.data<{ deleteThought: op.Deleted }>(op.deleteThought, { id });
      expect(deleted).toMatchObject({ id, version: 3 });
      const gone = await alice.data<{ thoughts: op.Connection<op.Thought> }>(op.thoughts, {}, after(deleted.consistencyToken));
      expect(gone.thoughts.edges.map((e) => e.node.id)).not.toContain(id);
    });
  });

  describe('tasks and the calendar', () => {
    it('createTask (retried with its key: once; a bad RRULE refused on recurrence), updateTask, and tasks(from, to, completed)', async () => {
      type Created = { createTask: { task: op.Task; consistencyToken: string } };
      const input = { title: 'Swim', date: '2030-06-03', dueTime: '07:00', priority: 'HIGH', category: 'health', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=6' };
      const key = `task-${mode}`;
      const [first, retry] = await Promise.all([alice.data<Created>(op.createTask, { input, key }), alice.data<Created>(op.createTask, { input, key })]);
      expect(retry.createTask.task.id).toBe(first.createTask.task.id);
      expect(first.createTask.task).toMatchObject({ ...input, completed: false, completedAt: null, version: 1 });
      const id = first.createTask.task.id;

      const bad = await alice.request(op.createTask, { input: { ...input, recurrence: 'FREQ=WEEKLY;BYDAY=FUNDAY' } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recurrence' });

      const { updateTask: updated } = await alice.data<{ updateTask: { task: op.Task; consistencyToken: string } }>(
        op.updateTask, { id, v: 1, input: { dueTime: null, description: 'lane 3' } });
      expect(updated.task).toMatchObject({ dueTime: null, description: 'lane 3', version: 2 });
      const stale = await alice.request(op.updateTask, { id, v: 1, input: { title: 'late' } });
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

      // A range lists each occurrence: Monday and Thursday of that week.
      const june = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { from: '2030-06-10', to: '2030-06-16' }, after(updated.consistencyToken));
      expect(june.tasks.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({ id, description: 'lane 3', version: 2, date: '2030-06-10', occurrence: '2030-06-10', completed: false }),
        expect.objectContaining({ id, description: 'lane 3', version: 2, date: '2030-06-13', occurrence: '2030-06-13', completed: false }),
      ]);
      const july = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { from: '2030-07-01', to: '2030-07-31' });
      expect(july.tasks.totalCount).toBe(0); // six occurrences end on 2030-06-20
      const done = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { completed: true });
      expect(done.tasks.totalCount).toBe(0);
    });

    it('completeTask (twice: one change) and reopenTask, read back', async () => {
      const { createTask: created } = await alice.data<{ createTask: { task: op.Task } }>(op.createTask, { input: { title: 'File taxes', date: '2030-04-15' } });
      const id = created.task.id;
      const { completeTask: completed } = await alice.data<{ completeTask: { task: op.Task; consistencyToken: string } }>(op.completeTask, { id });
      expect(completed.task).toMatchObject({ completed: true, completedAt: expect.any(String), version: 2 });
      const { completeTask: again } = await alice.data<{ completeTask: { task: op.Task; consistencyToken: string } }>(op.completeTask, { id });
      expect(again).toEqual(completed);
      const done = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { completed: true }, after(completed.consistencyToken));
      expect(done.tasks.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id, completed: true, version: 2 })]);

      const { reopenTask: reopened } = await alice.data<{ reopenTask: { task: op.Task; consistencyToken: string } }>(op.reopenTask, { id });
      expect(reopened.task).toMatchObject({ completed: false, completedAt: null, version: 3 });
      const open = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { from: '2030-04-15', to: '2030-04-15', completed: false }, after(reopened.consistencyToken));
      expect(open.tasks.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id, completed: false, version: 3 })]);
    });

    it('completes one occurrence of a monthly task: that date only, the others stay open (tasks, calendar, taskStats); reopens it', async () => {
      type Written = { task: op.Task; consistencyToken: string };
      const { createTask: created } = await alice.data<{ createTask: Written }>(op.createTask, { input: { title: 'Pay rent', date: '2033-11-01', recurrence: 'FREQ=MONTHLY' } });
      const id = created.task.id;
      expect(await codeOf(alice, op.completeTask, { id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurrence' });
      expect(await codeOf(alice, op.completeTask, { id, occurrence: '2033-12-02' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurrence' });

      const { completeTask: done } = await alice.data<{ completeTask: Written }>(op.completeTask, { id, occurrence: '2033-12-01' });
      expect(done.task).toMatchObject({ id, date: '2033-12-01', occurrence: '2033-12-01', completed: true, completedAt: expect.any(String), version: 2 });
      const { completeTask: again } = await alice.data<{ completeTask: Written }>(op.completeTask, { id, occurrence: '2033-12-01' });
      expect(again).toEqual(done);

      const winter = { from: '2033-11-01', to: '2034-01-31' };
      const listed = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, winter, after(done.consistencyToken));
      expect(listed.tasks.edges.map((e) => [e.node.occurrence, e.node.completed])).toEqual([['2033-11-01', false], ['2033-12-01', true], ['2034-01-01', false]]);
      expect(listed.tasks.edges[1]!.node.completedAt).toBe(done.task.completedAt);
      const open = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { ...winter, completed: false });
      expect(open.tasks.edges.map((e) => e.node.occurrence)).toEqual(['2033-11-01', '2034-01-01']);
      const days = await alice.data<{ calendar: op.CalendarDay[] }>(op.calendar, { start: '2033-12-01', end: '2034-01-01' });
      const rent = days.calendar.flatMap((d) => d.tasks.filter((t) => t.id === id).map((t) => [d.date, t.occurrence, t.completed]));
      expect(rent).toEqual([['2033-12-01', '2033-12-01', true], ['2034-01-01', '2034-01-01', false]]);
      const stats = await alice.data<{ dashboard: { taskStats: { total: number; completed: number } } }>(op.taskStats, winter);
      expect(stats.dashboard.taskStats).toMatchObject({ total: 3, completed: 1 });

      const { reopenTask: reopened } = await alice.data<{ reopenTask: Written }>(op.reopenTask, { id, occurrence: '2033-12-01' });
      expect(reopened.task).toMatchObject({ occurrence: '2033-12-01', completed: false, completedAt: null, version: 3 });
      const after3 = await alice.data<{ tasks: op.Connection<op.Task> }>(op.tasks, { ...winter, completed: true }, after(reopened.consistencyToken));
      expect(after3.tasks.totalCount).toBe(0);
    });

    it('scheduleEvent and the calendar with recurring items expanded; cancelEvent and deleteTask take them out', async () => {
      const { createTask: task } = await alice.data<{ createTask: { task: op.Task; consistencyToken: string } }>(
        op.createTask, { input: { title: 'Water plants', date: '2030-09-02', recurrence: 'FREQ=DAILY;INTERVAL=2' } });
      const { scheduleEvent: scheduled } = await alice.data<{ scheduleEvent: { event: op.CalendarEvent; consistencyToken: string } }>(op.scheduleEvent, {
        input: { title: 'Choir', startsAt: '2030-09-02T19:00:00+02:00', endsAt: '2030-09-02T21:00:00+02:00', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE' },
      });
      expect(scheduled.event).toMatchObject({ startsAt: '2030-09-02T17:00:00.000Z', endsAt: '2030-09-02T19:00:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE', version: 1 });
      const badEnd = await alice.request(op.scheduleEvent, { input: { title: 'x', startsAt: '2030-09-02T19:00:00Z', endsAt: '2030-09-02T18:00:00Z' } });
      expect(badEnd.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });

      const tokens = `${task.consistencyToken},${scheduled.consistencyToken}`;
      const week = await alice.data<{ calendar: op.CalendarDay[] }>(op.calendar, { start: '2030-09-02', end: '2030-09-08' }, after(tokens));
      const summary = week.calendar.map((d) => [d.date, d.tasks.map((t) => t.title), d.events.map((e) => e.startsAt)]);
      expect(summary).toEqual([
        ['2030-09-02', ['Water plants'], ['2030-09-02T17:00:00.000Z']],
        ['2030-09-03', [], []],
        ['2030-09-04', ['Water plants'], ['2030-09-04T17:00:00.000Z']],
        ['2030-09-05', [], []],
        ['2030-09-06', ['Water plants'], []],
        ['2030-09-07', [], []],
        ['2030-09-08', ['Water plants'], []],
      ]);

      const { cancelEvent: cancelled } = await alice.data<{ cancelEvent: op.Deleted }>(op.cancelEvent, { id: scheduled.event.id });
      expect(cancelled).toMatchObject({ id: scheduled.event.id, version: 2 });
      const { deleteTask: deleted } = await alice.data<{ deleteTask: op.Deleted }>(op.deleteTask, { id: task.task.id });
      expect(deleted).toMatchObject({ id: task.task.id, version: 2 });
      const empty = await alice.data<{ calendar: op.CalendarDay[] }>(
        op.calendar, { start: '2030-09-02', end: '2030-09-08' }, after(`${cancelled.consistencyToken},${deleted.consistencyToken}`));
      expect(empty.calendar.every((d) => d.tasks.length === 0 && d.events.length === 0)).toBe(true);
      expect((await codeOf(alice, op.cancelEvent, { id: scheduled.event.id })).code).toBe('NOT_FOUND');
    });
  });

  async function newJournal(name: string): Promise<string> {
    return (await alice.data<{ createJournal: { journal: op.Journal } }>(op.createJournal, { input: { name } })).createJournal.journal.id;
  }

  describe('one user and another', () => {
    it("Bob gets NOT_FOUND for every mutation and null (or nothing) for every read of Alice's objects", async () => {
      const journal = await newJournal('Private');
      const { createEntry: entry } = await alice.data<{ createEntry: { entry: op.Entry; consistencyToken: string } }>(
        op.createEntry, { input: { journalId: journal, content: 'mine alone', tags: ['secret'] } });
      const { captureThought: thought } = await alice.data<{ captureThought: { thought: op.Thought; consistencyToken: string } }>(
        op.captureThought, { text: 'mine', tags: ['secret'] });
      const { createTask: task } = await alice.data<{ createTask: { task: op.Task; consistencyToken: string } }>(
        op.createTask, { input: { title: 'Secret errand', date: '2031-01-06', recurrence: 'FREQ=DAILY' } });
      const { scheduleEvent: event } = await alice.data<{ scheduleEvent: { event: op.CalendarEvent; consistencyToken: string } }>(
        op.scheduleEvent, { input: { title: 'Secret meeting', startsAt: '2031-01-06T10:00:00Z', endsAt: '2031-01-06T11:00:00Z' } });
      const tokens = [entry.consistencyToken, thought.consistencyToken, task.consistencyToken, event.consistencyToken];

      const mutations: [string, Record<string, unknown>][] = [
        [op.updateJournal, { id: journal, v: 1, input: { name: 'mine now' } }],
        [op.deleteJournal, { id: journal }],
        [op.createEntry, { input: { journalId: journal, content: 'planted' } }],
        [op.updateEntry, { id: entry.entry.id, v: 1, input: { content: 'x' } }],
        [op.deleteEntry, { id: entry.entry.id }],
        [op.updateThought, { id: thought.thought.id, v: 1, text: 'x' }],
        [op.deleteThought, { id: thought.thought.id }],
        [op.updateTask, { id: task.task.id, v: 1, input: { title: 'x' } }],
        [op.completeTask, { id: task.task.id, occurrence: '2031-01-07' }],
        [op.reopenTask, { id: task.task.id, occurrence: '2031-01-07' }],
        [op.deleteTask, { id: task.task.id }],
        [op.cancelEvent, { id: event.event.id }],
      ];
      for (const [mutation, variables] of mutations) {
        expect((await codeOf(bob, mutation, variables)).code, mutation).toBe('NOT_FOUND');
      }
      const theirs = await bob.data<Record<string, unknown>>(
        `query ($j: ID!, $e: ID!) { journal(id: $j) { id } entry(id: $e) { id } journals { totalCount }
           thoughts(tag: "secret") { totalCount } tasks { totalCount }
           calendar(start: "2031-01-06", end: "2031-01-07") { tasks { id } events { id } } }`,
        { j: journal, e: entry.entry.id }, after(tokens.join(',')));
      expect(theirs).toEqual({
        journal: null, entry: null, journals: { totalCount: 0 }, thoughts: { totalCount: 0 }, tasks: { totalCount: 0 },
        calendar: [{ tasks: [], events: [] }, { tasks: [], events: [] }],
      });

      // Alice's objects are as she left them.
      const mine = await alice.data<Record<string, unknown>>(
        `query ($j: ID!, $e: ID!) { journal(id: $j) { name version entryCount } entry(id: $e) { content version }
           thoughts(tag: "secret") { edges { node { text version } } }
           calendar(start: "2031-01-06", end: "2031-01-06") { tasks { title completed version } events { title version } } }`,
        { j: journal, e: entry.entry.id }, after(tokens.join(',')));
      expect(mine).toEqual({
        journal: { name: 'Private', version: 1, entryCount: 1 },
        entry: { content: 'mine alone', version: 1 },
        thoughts: { edges: [{ node: { text: 'mine', version: 1 } }] },
        calendar: [{ tasks: [{ title: 'Secret errand', completed: false, version: 1 }], events: [{ title: 'Secret meeting', version: 1 }] }],
      });
    });
  });
});
