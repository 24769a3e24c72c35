import { randomUUID } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { createLogger } from '@mindflow/platform';
import { createCommandClient, fromServiceError, type CommandClient } from '@mindflow/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandConfigSchema } from '../../command-config.js';
import { startCommandService, type RunningCommandService } from '../../command-service.js';
import { migratedWriteDb, outboxRows, type TestWriteDb } from '../../test/write-db.js';

let db: TestWriteDb;
let service: RunningCommandService;
let client: CommandClient;

beforeAll(async () => {
  db = await migratedWriteDb('command_grpc');
  service = await startCommandService(
    commandConfigSchema.parse({ WRITE_DATABASE_URL: db.url, COMMAND_GRPC_ADDRESS: '127.0.0.1:0', IDEMPOTENCY_KEY_TTL_HOURS: 24, OPS_PORT: 0, LOG_LEVEL: 'silent' }),
    { log: createLogger('command-test', 'silent') },
  );
  client = createCommandClient(service.address, { defaultTimeoutMs: 10_000 });
});
afterAll(async () => {
  client?.close();
  await service?.close();
  await db?.drop();
});

/** What the subgraph would see of a failed call: the API's error code, field and current version. */
async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeDefined();
  return fromServiceError(error);
}

describe('CommandService over gRPC', () => {
  it('creates a journal and an entry, answering the written objects and consistency tokens', async () => {
    const userId = randomUUID();
    const correlationId = `corr-${randomUUID()}`;
    const created = await client.createJournal({ input: { name: 'Walks', color: '#ABCDEF', isPrivate: true } }, { userId, correlationId });
    expect(created.journal).toMatchObject({ name: 'Walks', color: '#abcdef', isPrivate: true, version: 1 });
    expect(created.journal?.description).toBeUndefined();
    expect(Buffer.from(created.consistencyToken, 'base64url').toString()).toBe(`${created.journal!.id}:1`);

    const { entry } = await client.createEntry(
      { input: { journalId: created.journal!.id, title: 'Cliffs', content: 'Wind on the cliffs', mood: 'CALM', tags: ['sea'] } },
      { userId, correlationId },
    );
    expect(entry).toMatchObject({ journalId: created.journal!.id, title: 'Cliffs', mood: 'CALM', tags: ['sea'], wordCount: 4, version: 1 });
    const [row] = await outboxRows(db.pool, entry!.id);
    expect(row).toMatchObject({ correlation_id: correlationId, user_id: userId });
    // Crypto-shredding (issue 16): the entry's words are sealed in the outbox, its ids and mood are not.
    expect(row!.payload).toMatchObject({ entryId: entry!.id, mood: 'CALM', $sealed: { fields: ['title', 'content', 'tags', 'weather', 'location'] } });
    expect(JSON.stringify(row)).not.toMatch(/Cliffs|Wind on the cliffs|"sea"/);
  });

  it('updates with cleared fields and refuses a stale expected version as CONFLICT with the current version', async () => {
    const userId = randomUUID();
    const { journal } = await client.createJournal({ input: { name: 'Notes', description: 'misc' } }, { userId });
    const updated = await client.updateJournal(
      { id: journal!.id, expectedVersion: 1, input: { name: 'Notes 2', clearedFields: ['description'] } },
      { userId },
    );
    expect(updated.journal).toMatchObject({ name: 'Notes 2', version: 2 });
    expect(updated.journal?.description).toBeUndefined();
    expect(await failure(client.updateJournal({ id: journal!.id, expectedVersion: 1, input: { name: 'x' } }, { userId }))).toMatchObject({
      code: 'CONFLICT',
      currentVersion: 2,
    });
    const deleted = await client.deleteJournal({ id: journal!.id }, { userId });
    expect(deleted).toMatchObject({ id: journal!.id, version: 3, deletedAt: expect.any(String) });
  });

  it('names the field of bad input', async () => {
    const userId = randomUUID();
    expect(await failure(client.createJournal({ input: { name: '' } }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await failure(client.createEntry({ input: { journalId: 'nope', content: 'x' } }, { userId }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'journalId',
    });
    expect(await failure(client.updateJournal({ id: randomUUID(), expectedVersion: 0, input: {} }, { userId }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'expectedVersion',
    });
    expect(
      await failure(client.updateJournal({ id: randomUUID(), expectedVersion: 1, input: { name: 'x', clearedFields: ['name'] } }, { userId })),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it("answers NOT_FOUND for another user's journal", async () => {
    const { journal } = await client.createJournal({ input: { name: 'Private' } }, { userId: randomUUID() });
    expect(await failure(client.createEntry({ input: { journalId: journal!.id, content: 'x' } }, { userId: randomUUID() }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('answers FORBIDDEN for the sixth journal on the free plan, and lets premium callers past it', async () => {
    const userId = randomUUID();
    for (let i = 0; i < 5; i++) await client.createJournal({ input: { name: `J${i}` } }, { userId });
    expect(await failure(client.createJournal({ input: { name: 'J5' } }, { userId }))).toMatchObject({ code: 'FORBIDDEN' });
    const premium = new Metadata();
    premium.set('x-user-id', userId);
    premium.set('x-user-roles', 'user,premium');
    expect((await client.createJournal({ input: { name: 'J5' } }, premium)).journal?.name).toBe('J5');
  });

  it('answers a retried create with the first result (request key or metadata key)', async () => {
    const userId = randomUUID();
    const { journal } = await client.createJournal({ input: { name: 'Days' } }, { userId });
    const request = { input: { journalId: journal!.id, content: 'only once' }, idempotencyKey: randomUUID() };
    const first = await client.createEntry(request, { userId });
    expect(await client.createEntry(request, { userId })).toEqual(first);
    const viaMetadata = { userId, idempotencyKey: randomUUID() };
    const again = await client.createJournal({ input: { name: 'Once' } }, viaMetadata);
    expect(await client.createJournal({ input: { name: 'Once' } }, viaMetadata)).toEqual(again);
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM journals WHERE owner_id = $1', [userId]);
    expect(rows[0]!.n).toBe(2);
  });

  it('refuses a call without a caller as UNAUTHENTICATED', async () => {
    expect(await failure(client.createJournal({ input: { name: 'x' } }, {}))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('creates, updates (cleared fields), completes twice, reopens and deletes a task', async () => {
    const userId = randomUUID();
    const request = { input: { title: 'Plant tulips', date: '2030-10-05', priority: 'HIGH' as const, recurrence: 'FREQ=YEARLY' }, idempotencyKey: randomUUID() };
    const created = await client.createTask(request, { userId });
    expect(created.task).toMatchObject({ title: 'Plant tulips', date: '2030-10-05', priority: 'HIGH', category: 'general', completed: false, recurrence: 'FREQ=YEARLY', version: 1 });
    expect(created.task?.dueTime).toBeUndefined();
    expect(await client.createTask(request, { userId })).toEqual(created);
    const id = created.task!.id;
    const updated = await client.updateTask({ id, expectedVersion: 1, input: { dueTime: '09:00', clearedFields: ['recurrence'] } }, { userId });
    expect(updated.task).toMatchObject({ dueTime: '09:00', version: 2 });
    expect(updated.task?.recurrence).toBeUndefined();
    expect(await failure(client.updateTask({ id, expectedVersion: 2, input: { clearedFields: ['title'] } }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await failure(client.updateTask({ id, expectedVersion: 2, input: { recurrence: 'FREQ=DAILY;INTERVAL=x' } }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recurrence' });
    expect(await failure(client.updateTask({ id, expectedVersion: 2, input: { reminderMinutesBefore: -5 } }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reminderMinutesBefore' });
    expect(await failure(client.updateTask({ id, expectedVersion: 2, input: { remindAt: 'soon' } }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remindAt' });
    const reminded = await client.updateTask({ id, expectedVersion: 2, input: { remindAt: '2030-10-04T18:00:00+02:00', reminderMinutesBefore: 0 } }, { userId });
    expect(reminded.task).toMatchObject({ remindAt: '2030-10-04T16:00:00.000Z', reminderMinutesBefore: 0, version: 3 });
    const cleared = await client.updateTask({ id, expectedVersion: 3, input: { clearedFields: ['remindAt', 'reminderMinutesBefore'] } }, { userId });
    expect(cleared.task).toMatchObject({ version: 4 });
    expect([cleared.task?.remindAt, cleared.task?.reminderMinutesBefore]).toEqual([undefined, undefined]);
    const completed = await client.completeTask({ id }, { userId });
    expect(completed.task).toMatchObject({ completed: true, completedAt: expect.any(String), version: 5 });
    expect(await client.completeTask({ id }, { userId })).toEqual(completed);
    expect((await client.reopenTask({ id }, { userId })).task).toMatchObject({ completed: false, version: 6 });
    expect(await failure(client.completeTask({ id }, { userId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await client.deleteTask({ id }, { userId })).toMatchObject({ id, version: 7 });
  });

  it('completes and reopens one occurrence of a recurring task, answering that occurrence', async () => {
    const userId = randomUUID();
    const { task } = await client.createTask({ input: { title: 'Pay rent', date: '2030-01-01', recurrence: 'FREQ=MONTHLY' } }, { userId });
    const id = task!.id;
    expect(await failure(client.completeTask({ id }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurrence' });
    expect(await failure(client.completeTask({ id, occurrence: '2030-02-02' }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'occurrence' });
    const completed = await client.completeTask({ id, occurrence: '2030-02-01' }, { userId });
    expect(completed.task).toMatchObject({ occurrence: '2030-02-01', completed: true, completedAt: expect.any(String), version: 2 });
    expect(await client.completeTask({ id, occurrence: '2030-02-01' }, { userId })).toEqual(completed);
    const next = await client.reopenTask({ id, occurrence: '2030-03-01' }, { userId });
    expect(next.task).toMatchObject({ occurrence: '2030-03-01', completed: false, version: 2 });
    expect(next.task?.completedAt).toBeUndefined();
    expect((await client.reopenTask({ id, occurrence: '2030-02-01' }, { userId })).task).toMatchObject({ occurrence: '2030-02-01', completed: false, version: 3 });
    expect((await outboxRows(db.pool, id)).map((r) => [r.event_type, r.payload['occurrence']])).toEqual([
      ['TaskCreated', undefined], ['TaskCompleted', '2030-02-01'], ['TaskReopened', '2030-02-01'],
    ]);
  });

  it('schedules and cancels a calendar event, refusing an end before the start on endsAt', async () => {
    const userId = randomUUID();
    const input = { title: 'Dentist', startsAt: '2030-02-01T09:00:00+01:00', endsAt: '2030-02-01T09:30:00+01:00', recurrence: 'FREQ=MONTHLY' };
    const { event } = await client.scheduleEvent({ input }, { userId });
    expect(event).toMatchObject({ title: 'Dentist', startsAt: '2030-02-01T08:00:00.000Z', endsAt: '2030-02-01T08:30:00.000Z', recurrence: 'FREQ=MONTHLY', version: 1 });
    expect(await failure(client.scheduleEvent({ input: { ...input, endsAt: '2030-02-01T07:00:00Z' } }, { userId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    expect(await failure(client.cancelEvent({ id: event!.id }, { userId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await client.cancelEvent({ id: event!.id }, { userId })).toMatchObject({ id: event!.id, version: 2, deletedAt: expect.any(String) });
    expect(await failure(client.cancelEvent({ id: event!.id }, { userId }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('captures, updates (a TagList replaces the tags; absent leaves them) and deletes a thought', async () => {
    const userId = randomUUID();
    const request = { text: 'Water the figs', tags: ['Garden'], idempotencyKey: randomUUID() };
    const captured = await client.captureThought(request, { userId });
    expect(captured.thought).toMatchObject({ text: 'Water the figs', tags: ['garden'], version: 1 });
    expect(await client.captureThought(request, { userId })).toEqual(captured);
    const id = captured.thought!.id;
    const retitled = await client.updateThought({ id, expectedVersion: 1, text: 'Water the figs at dusk' }, { userId });
    expect(retitled.thought).toMatchObject({ text: 'Water the figs at dusk', tags: ['garden'], version: 2 });
    const untagged = await client.updateThought({ id, expectedVersion: 2, tags: { values: [] } }, { userId });
    expect(untagged.thought).toMatchObject({ tags: [], version: 3 });
    expect(await failure(client.updateThought({ id, expectedVersion: 2, text: 'late' }, { userId }))).toMatchObject({ code: 'CONFLICT', currentVersion: 3 });
    expect(await failure(client.deleteThought({ id }, { userId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await client.deleteThought({ id }, { userId })).toMatchObject({ id, version: 4, deletedAt: expect.any(String) });
  });
});
