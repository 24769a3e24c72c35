import { randomUUID } from 'node:crypto';
import { signCaller } from '@mindflow/auth';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuerySubgraph, type RunningQuerySubgraph } from './start-query-subgraph.js';
import { postGraphQL } from './test/post-graphql.js';
import { createTestReadDb, type TestReadDb } from './test/read-db.js';
import { recordingCommands } from './test/recording-commands.js';
import { seedCalendarEvent, seedTask } from './test/seed.js';

const secret = 'query-subgraph-planning-test-secret';
const alice = randomUUID();
const bob = randomUUID();
const as = (userId: string) => ({ 'x-mindflow-caller': signCaller({ userId, roles: ['user'] }, secret) });

let db: TestReadDb;
let subgraph: RunningQuerySubgraph;
const commands = recordingCommands();
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestReadDb();
  subgraph = await startQuerySubgraph(
    { QUERY_SUBGRAPH_PORT: 0, READ_DATABASE_URL: db.url, INTERNAL_CALLER_SECRET: secret },
    { commands, log: createLogger('planning-test', 'silent') },
  );
  // Alice's week of 2030-03-04 (a Monday).
  ids['dentist'] = await seedTask(db.pool, { ownerId: alice, title: 'Dentist', date: '2030-03-05', dueTime: '09:00' });
  ids['noon'] = await seedTask(db.pool, { ownerId: alice, title: 'Call bank', date: '2030-03-05', dueTime: '12:00', completed: true });
  ids['anytime'] = await seedTask(db.pool, { ownerId: alice, title: 'Read', date: '2030-03-05' });
  // Thursday's gym is done, Monday's is not: each occurrence on its own.
  ids['gym'] = await seedTask(db.pool, {
    ownerId: alice, title: 'Gym', date: '2030-02-04', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH', dueTime: '07:00', completedOccurrences: ['2030-03-07'],
  });
  ids['past'] = await seedTask(db.pool, { ownerId: alice, title: 'Old', date: '2030-02-01' });
  ids['gone'] = await seedTask(db.pool, { ownerId: alice, title: 'Gone', date: '2030-03-05', deleted: true });
  ids['bobs'] = await seedTask(db.pool, { ownerId: bob, title: 'Bob task', date: '2030-03-05' });
  ids['trip'] = await seedCalendarEvent(db.pool, { ownerId: alice, title: 'Trip', startsAt: '2030-03-06T20:00:00Z', endsAt: '2030-03-08T00:00:00Z' });
  ids['standup'] = await seedCalendarEvent(db.pool, {
    ownerId: alice, title: 'Stand-up', startsAt: '2030-01-07T08:00:00Z', endsAt: '2030-01-07T08:15:00Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE',
  });
  ids['cancelled'] = await seedCalendarEvent(db.pool, { ownerId: alice, title: 'Off', startsAt: '2030-03-05T10:00:00Z', endsAt: '2030-03-05T11:00:00Z', cancelled: true });
  ids['bobsEvent'] = await seedCalendarEvent(db.pool, { ownerId: bob, title: 'Bob event', startsAt: '2030-03-05T10:00:00Z', endsAt: '2030-03-05T11:00:00Z' });
});

afterAll(async () => {
  await subgraph?.close();
  await db?.drop();
});

type TaskPage = { tasks: { totalCount: number; edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
const tasksQuery = `query ($from: Date, $to: Date, $completed: Boolean, $after: String, $first: Int) {
  tasks(from: $from, to: $to, completed: $completed, after: $after, first: $first) {
    totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }`;

async function allTitles(variables: Record<string, unknown>) {
  const titles: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const res: { data?: TaskPage | null; errors?: unknown } = await postGraphQL<TaskPage>(subgraph.url, tasksQuery, { ...variables, after, first: 2 }, as(alice));
    expect(res.errors).toBeUndefined();
    titles.push(...res.data!.tasks.edges.map((e) => e.node.title));
    if (!res.data!.tasks.pageInfo.hasNextPage) break;
    after = res.data!.tasks.pageInfo.endCursor;
  }
  return titles;
}

describe('tasks', () => {
  it('lists every occurrence in a range by date, due time (none last), then id, page by page; without both bounds, each series once', async () => {
    expect(await allTitles({ from: '2030-03-04', to: '2030-03-10' })).toEqual(['Gym', 'Dentist', 'Call bank', 'Read', 'Gym']);
    expect(await allTitles({})).toEqual(['Old', 'Gym', 'Dentist', 'Call bank', 'Read']);
  });

  it('gives each occurrence of a recurring task its day and its own completion', async () => {
    const query = `query { tasks(from: "2030-03-04", to: "2030-03-10") { totalCount edges { node { id title date occurrence completed completedAt } } } }`;
    const res = await postGraphQL<{ tasks: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(subgraph.url, query, {}, as(alice));
    expect(res.errors).toBeUndefined();
    const gym = res.data!.tasks.edges.map((e) => e.node).filter((t) => t['title'] === 'Gym');
    expect(gym).toEqual([
      { id: ids['gym'], title: 'Gym', date: '2030-03-04', occurrence: '2030-03-04', completed: false, completedAt: null },
      { id: ids['gym'], title: 'Gym', date: '2030-03-07', occurrence: '2030-03-07', completed: true, completedAt: '2030-03-07T18:00:00.000Z' },
    ]);
    expect(res.data!.tasks.edges.find((e) => e.node['title'] === 'Call bank')?.node).toMatchObject({ occurrence: null, completed: true });
    expect(res.data!.tasks.totalCount).toBe(5);
  });

  it('filters by completion, occurrence by occurrence within a range', async () => {
    expect(await allTitles({ completed: true })).toEqual(['Call bank']);
    expect(await allTitles({ completed: false, to: '2030-02-28' })).toEqual(['Old', 'Gym']);
    expect(await allTitles({ completed: true, from: '2030-03-04', to: '2030-03-10' })).toEqual(['Call bank', 'Gym']);
    expect(await allTitles({ completed: false, from: '2030-03-04', to: '2030-03-10' })).toEqual(['Gym', 'Dentist', 'Read']);
  });

  it('counts occurrences in taskStats', async () => {
    const res = await postGraphQL<{ dashboard: { taskStats: { total: number; completed: number } } }>(
      subgraph.url, '{ dashboard { taskStats(from: "2030-03-04", to: "2030-03-10") { total completed } } }', {}, as(alice));
    expect(res.data?.dashboard.taskStats).toEqual({ total: 5, completed: 2 });
  });

  it('refuses a range read by occurrence that spans more than 366 days, on to', async () => {
    const res = await postGraphQL(subgraph.url, tasksQuery, { from: '2030-01-01', to: '2031-01-02' }, as(alice));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('refuses a range that ends before it starts, and a forged cursor', async () => {
    const res = await postGraphQL(subgraph.url, tasksQuery, { from: '2030-03-10', to: '2030-03-01' }, as(alice));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const forged = await postGraphQL(subgraph.url, tasksQuery, { after: 'bogus' }, as(alice));
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

type Day = { date: string; tasks: { id: string; title: string; date: string }[]; events: { title: string; startsAt: string; endsAt: string }[] };
const calendarQuery = `query ($start: Date!, $end: Date!) { calendar(start: $start, end: $end) {
  date tasks { id title date } events { title startsAt endsAt } } }`;

describe('calendar', () => {
  it('gives every day with its occurrences: recurring series expanded, a multi-day event on each day it spans', async () => {
    const res = await postGraphQL<{ calendar: Day[] }>(subgraph.url, calendarQuery, { start: '2030-03-04', end: '2030-03-08' }, as(alice));
    expect(res.errors).toBeUndefined();
    const summary = res.data!.calendar.map((d) => [d.date, d.tasks.map((t) => `${t.title}@${t.date}`), d.events.map((e) => `${e.title} ${e.startsAt.slice(5, 16)}`)]);
    expect(summary).toEqual([
      ['2030-03-04', ['Gym@2030-03-04'], ['Stand-up 03-04T08:00']],
      ['2030-03-05', ['Dentist@2030-03-05', 'Call bank@2030-03-05', 'Read@2030-03-05'], []],
      ['2030-03-06', [], ['Stand-up 03-06T08:00', 'Trip 03-06T20:00']],
      ['2030-03-07', ['Gym@2030-03-07'], ['Trip 03-06T20:00']],
      ['2030-03-08', [], []],
    ]);
    // An occurrence keeps the series' id, which the mutations take.
    expect(res.data!.calendar[0]!.tasks[0]!.id).toBe(ids['gym']);
  });

  it('gives each occurrence its own completion: Thursday done, Monday open', async () => {
    const query = `query { calendar(start: "2030-03-04", end: "2030-03-07") { date tasks { title occurrence completed } } }`;
    const res = await postGraphQL<{ calendar: { date: string; tasks: { title: string; occurrence: string | null; completed: boolean }[] }[] }>(subgraph.url, query, {}, as(alice));
    const gym = res.data!.calendar.flatMap((d) => d.tasks.filter((t) => t.title === 'Gym'));
    expect(gym).toEqual([{ title: 'Gym', occurrence: '2030-03-04', completed: false }, { title: 'Gym', occurrence: '2030-03-07', completed: true }]);
    expect(res.data!.calendar[1]!.tasks.find((t) => t.title === 'Call bank')).toEqual({ title: 'Call bank', occurrence: null, completed: true });
  });

  it("never shows another user's tasks or events", async () => {
    const res = await postGraphQL<{ calendar: Day[] }>(subgraph.url, calendarQuery, { start: '2030-03-05', end: '2030-03-05' }, as(bob));
    expect(res.data!.calendar).toEqual([{ date: '2030-03-05', tasks: [{ id: ids['bobs'], title: 'Bob task', date: '2030-03-05' }], events: [expect.objectContaining({ title: 'Bob event' })] }]);
  });

  it('refuses an inverted or too long span on end', async () => {
    for (const [start, end] of [['2030-03-05', '2030-03-04'], ['2030-01-01', '2030-12-31']]) {
      const res = await postGraphQL(subgraph.url, calendarQuery, { start, end }, as(alice));
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'end' });
    }
  });
});

describe('Task and CalendarEvent entities', () => {
  it("resolve the caller's own, and another user's to null", async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Task { title } ... on CalendarEvent { title } } }';
    const r = [{ __typename: 'Task', id: ids['dentist'] }, { __typename: 'CalendarEvent', id: ids['trip'] }, { __typename: 'Task', id: ids['bobs'] }];
    expect((await postGraphQL(subgraph.url, query, { r }, as(alice))).data?.['_entities']).toEqual([{ title: 'Dentist' }, { title: 'Trip' }, null]);
  });
});

describe('planning mutations', () => {
  it('send completeTask and reopenTask with the occurrence, and answer that occurrence', async () => {
    const res = await postGraphQL<{ completeTask: { task: { date: string; occurrence: string; completed: boolean } } }>(
      subgraph.url, 'mutation ($id: ID!) { completeTask(id: $id, occurrence: "2030-03-07") { task { date occurrence completed } } }', { id: ids['gym'] }, as(alice));
    expect(res.data?.completeTask.task).toEqual({ date: '2030-03-07', occurrence: '2030-03-07', completed: true });
    expect(commands.sent.at(-1)).toMatchObject({ name: 'completeTask', command: { id: ids['gym'], occurrence: '2030-03-07' } });
    await postGraphQL(subgraph.url, 'mutation ($id: ID!) { reopenTask(id: $id) { task { id } } }', { id: ids['dentist'] }, as(alice));
    expect(commands.sent.at(-1)).toMatchObject({ name: 'reopenTask', command: { id: ids['dentist'], occurrence: null } });
    const bad = await postGraphQL(subgraph.url, 'mutation ($id: ID!, $day: Date) { completeTask(id: $id, occurrence: $day) { task { id } } }', { id: ids['gym'], day: 'next tuesday' }, as(alice));
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('send createTask with its key, updateTask with null as clear, and scheduleEvent with instants', async () => {
    const created = await postGraphQL(
      subgraph.url,
      'mutation { createTask(input: { title: "Plant", date: "2030-04-01", priority: HIGH, recurrence: "FREQ=YEARLY" }, idempotencyKey: "t-1") { task { title date priority completed } consistencyToken } }',
      {},
      as(alice),
    );
    expect(created.data?.['createTask']).toMatchObject({ task: { title: 'Plant', date: '2030-04-01', priority: 'HIGH', completed: false } });
    expect(commands.sent.at(-1)).toMatchObject({ name: 'createTask', command: { recurrence: 'FREQ=YEARLY' }, metadata: { idempotencyKey: 't-1' } });
    await postGraphQL(subgraph.url, 'mutation ($id: ID!) { updateTask(id: $id, expectedVersion: 1, input: { dueTime: null, title: "x" }) { consistencyToken } }', { id: ids['dentist'] }, as(alice));
    expect(commands.sent.at(-1)?.command).toEqual({ id: ids['dentist'], expectedVersion: 1, patch: { dueTime: null, title: 'x' } });
    const scheduled = await postGraphQL(
      subgraph.url,
      'mutation { scheduleEvent(input: { title: "Talk", startsAt: "2030-04-01T10:00:00+02:00", endsAt: "2030-04-01T11:00:00+02:00" }) { event { startsAt endsAt } } }',
      {},
      as(alice),
    );
    expect(scheduled.data?.['scheduleEvent']).toEqual({ event: { startsAt: '2030-04-01T08:00:00.000Z', endsAt: '2030-04-01T09:00:00.000Z' } });
  });
});

describe('what the account export reads (@inaccessible: only a service calling this subgraph directly)', () => {
  type EventPage = { calendarEvents: { totalCount: number; edges: { node: { id: string; title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  const eventsQuery = 'query ($first: Int, $after: String) { calendarEvents(first: $first, after: $after) { totalCount edges { node { id title } } pageInfo { hasNextPage endCursor } } }';

  it('Query.calendarEvents: every live series of the caller, oldest first, page by page; none of anyone else', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: { data?: EventPage | null; errors?: unknown } = await postGraphQL<EventPage>(subgraph.url, eventsQuery, { first: 1, after }, as(alice));
      expect(res.errors).toBeUndefined();
      expect(res.data!.calendarEvents.totalCount).toBe(2);
      seen.push(...res.data!.calendarEvents.edges.map((e) => e.node.id));
      if (!res.data!.calendarEvents.pageInfo.hasNextPage) break;
      after = res.data!.calendarEvents.pageInfo.endCursor;
    }
    // Each once across the pages (seeded within the same millisecond, they are ordered by id); the cancelled one absent.
    expect([...seen].sort()).toEqual([ids['trip'], ids['standup']].sort());
    const bobs = await postGraphQL<EventPage>(subgraph.url, eventsQuery, { first: 100 }, as(bob));
    expect(bobs.data!.calendarEvents.edges.map((e) => e.node.id)).toEqual([ids['bobsEvent']]);
    expect((await postGraphQL(subgraph.url, eventsQuery, { first: 501 }, as(alice))).errors).toBeDefined();
  });

  it('Task.completedOccurrences: a recurring task\'s completed days; a one-off task\'s none', async () => {
    const query = '{ tasks(first: 100) { edges { node { id completedOccurrences { occurrence completedAt } } } } }';
    const res = await postGraphQL<{ tasks: { edges: { node: { id: string; completedOccurrences: { occurrence: string; completedAt: string }[] } }[] } }>(subgraph.url, query, {}, as(alice));
    expect(res.errors).toBeUndefined();
    const byId = new Map(res.data!.tasks.edges.map((e) => [e.node.id, e.node.completedOccurrences]));
    expect(byId.get(ids['gym']!)).toEqual([{ occurrence: '2030-03-07', completedAt: expect.any(String) }]);
    expect(byId.get(ids['noon']!)).toEqual([]);
  });
});
