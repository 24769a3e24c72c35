import { Server, ServerCredentials } from '@grpc/grpc-js';
import { loadCommandService, readCallContext, toServiceError, type CallContext, type CommandServiceHandlers } from '@mindflow/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGrpcCommands } from './command-client.js';
import { CommandRejected, type Commands } from './command-port.js';

// The adapter against a real grpc-js server on loopback that answers the way command.proto says the
// command service does: what travels as metadata, as fields, and how refusals come back.

const userId = '0f0e0d0c-0b0a-4090-8070-605040302010';
const journalId = '11111111-2222-4333-8444-555555555555';
const seen: { context: CallContext; request: unknown }[] = [];

const handlers: Partial<CommandServiceHandlers> = {
  CreateJournal(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    const input = call.request.input;
    if (!input?.name) return callback(toServiceError({ code: 'BAD_USER_INPUT', message: 'A journal needs a name', field: 'name' }));
    if (input.name === 'limit') return callback(toServiceError({ code: 'FORBIDDEN', message: 'The free plan allows 5 journals' }));
    callback(null, {
      journal: { id: journalId, name: input.name, isPrivate: input.isPrivate ?? false, version: 1,
        createdAt: '2030-01-02T03:04:05.000Z', updatedAt: '2030-01-02T03:04:05.000Z', ...(input.color ? { color: input.color } : {}) },
      consistencyToken: 'token-from-command-side',
    });
  },
  CreateEntry(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    const input = call.request.input!;
    callback(null, {
      entry: { id: '99999999-2222-4333-8444-555555555555', journalId: input.journalId, content: input.content, mood: input.mood ?? 'MOOD_UNSPECIFIED',
        tags: input.tags ?? [], wordCount: 2, version: 1, createdAt: '2030-01-02T03:04:05.000Z', updatedAt: '2030-01-02T03:04:05.000Z' },
      consistencyToken: 'entry-token',
    });
  },
};

const answered = '2030-01-02T03:04:05.000Z';
Object.assign(handlers, {
  UpdateJournal(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    callback(null, { journal: { id: call.request.id, name: 'Renamed', isPrivate: false, version: 2, createdAt: answered, updatedAt: answered }, consistencyToken: 'j2' });
  },
  UpdateEntry(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    callback(null, {
      entry: { id: call.request.id, journalId, content: 'c', tags: call.request.input?.tags?.values ?? ['kept'], wordCount: 1, version: 2, createdAt: answered, updatedAt: answered },
      consistencyToken: 'e2',
    });
  },
  DeleteEntry(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    callback(null, { id: call.request.id, version: 3, deletedAt: answered, consistencyToken: 'e3' });
  },
  CaptureThought(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    callback(null, { thought: { id: journalId, text: call.request.text, tags: call.request.tags, version: 1, createdAt: answered, updatedAt: answered }, consistencyToken: 't1' });
  },
  CreateTask(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    const input = call.request.input!;
    callback(null, {
      task: { id: journalId, title: input.title, date: input.date, priority: input.priority ?? 'MEDIUM', category: 'general', completed: false,
        version: 1, createdAt: answered, updatedAt: answered, ...(input.recurrence ? { recurrence: input.recurrence } : {}),
        ...(input.remindAt ? { remindAt: input.remindAt } : {}), ...(input.reminderMinutesBefore !== undefined ? { reminderMinutesBefore: input.reminderMinutesBefore } : {}) },
      consistencyToken: 'k1',
    });
  },
  UpdateTask(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    callback(toServiceError({ code: 'CONFLICT', message: 'stale', currentVersion: 4 }));
  },
  CompleteTask(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    callback(null, {
      task: { id: call.request.id, title: 't', date: '2030-01-01', priority: 'LOW', category: 'c', completed: true, completedAt: answered, version: 2, createdAt: answered, updatedAt: answered,
        ...(call.request.occurrence ? { occurrence: call.request.occurrence, recurrence: 'FREQ=WEEKLY' } : {}) },
      consistencyToken: 'k2',
    });
  },
  ScheduleEvent(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    const input = call.request.input!;
    callback(null, { event: { id: journalId, title: input.title, startsAt: input.startsAt, endsAt: input.endsAt, version: 1, createdAt: answered, updatedAt: answered }, consistencyToken: 'c1' });
  },
  CancelEvent(call, callback) {
    seen.push({ context: readCallContext(call.metadata), request: call.request });
    callback(toServiceError({ code: 'NOT_FOUND', message: 'calendar event not found' }));
  },
} satisfies Partial<CommandServiceHandlers>);

let server: Server;
let commands: Commands;

beforeAll(async () => {
  server = new Server();
  server.addService(loadCommandService(), handlers as CommandServiceHandlers);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p))),
  );
  commands = createGrpcCommands(`127.0.0.1:${port}`, 3_000);
});

afterAll(() => {
  commands?.close();
  server?.forceShutdown();
});

describe('gRPC journal commands', () => {
  it('sends the caller and correlation id as metadata and maps the written journal', async () => {
    const written = await commands.createJournal(
      { name: 'Morning pages', color: '#ffaa00', description: null, isPrivate: true },
      { userId, correlationId: 'corr-1' },
    );
    expect(seen.at(-1)?.context).toEqual({ userId, correlationId: 'corr-1' });
    expect(seen.at(-1)?.request).toMatchObject({ input: { name: 'Morning pages', color: '#ffaa00', isPrivate: true } });
    expect(written).toEqual({
      consistencyToken: 'token-from-command-side',
      record: { id: journalId, ownerId: userId, name: 'Morning pages', description: null, color: '#ffaa00', icon: null,
        isPrivate: true, version: 1, entryCount: 0, createdAt: new Date('2030-01-02T03:04:05.000Z'), updatedAt: new Date('2030-01-02T03:04:05.000Z') },
    });
  });

  it('sends the idempotency key as the request field and maps the entry (unset mood is null)', async () => {
    const written = await commands.createEntry(
      { journalId, content: 'two words', tags: ['a'] },
      { userId, correlationId: 'corr-2', idempotencyKey: 'retry-key-7' },
    );
    expect(seen.at(-1)?.context).toEqual({ userId, correlationId: 'corr-2', idempotencyKey: 'retry-key-7' });
    expect(seen.at(-1)?.request).toMatchObject({ idempotencyKey: 'retry-key-7', input: { journalId, content: 'two words', tags: ['a'] } });
    expect(written.record).toMatchObject({ journalId, content: 'two words', mood: null, tags: ['a'], version: 1 });
    expect(written.consistencyToken).toBe('entry-token');
  });

  it('turns refusals into API errors with their field', async () => {
    const refusal = (name: string) => commands.createJournal({ name, isPrivate: false }, { userId, correlationId: 'c' }).catch((e: unknown) => e);
    const bad = await refusal('');
    expect(bad).toBeInstanceOf(CommandRejected);
    expect((bad as CommandRejected).failure).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(((await refusal('limit')) as CommandRejected).failure.code).toBe('FORBIDDEN');
  });

  it('reports a command service that is not there as UNAVAILABLE', async () => {
    const nowhere = createGrpcCommands('127.0.0.1:1', 2_000);
    const error = await nowhere.createJournal({ name: 'x', isPrivate: false }, { userId, correlationId: 'c' }).catch((e: unknown) => e);
    nowhere.close();
    expect((error as CommandRejected).failure.code).toMatch(/UNAVAILABLE|TIMEOUT/);
  });

  it('sends a partial update: set fields as values, null ones in clearedFields, tags as a TagList', async () => {
    const journal = await commands.updateJournal(journalId, 1, { name: 'Renamed', color: null }, { userId, correlationId: 'c' });
    expect(seen.at(-1)?.request).toEqual({ id: journalId, expectedVersion: 1, input: { name: 'Renamed', clearedFields: ['color'] } });
    expect(journal.record).not.toHaveProperty('entryCount'); // a read-side figure: the resolver reads it
    await commands.updateEntry(journalId, 1, { mood: null, tags: ['a'] }, { userId, correlationId: 'c' });
    expect(seen.at(-1)?.request).toEqual({ id: journalId, expectedVersion: 1, input: { tags: { values: ['a'] }, clearedFields: ['mood'] } });
    const kept = await commands.updateEntry(journalId, 1, { content: 'c' }, { userId, correlationId: 'c' });
    expect(seen.at(-1)?.request).toEqual({ id: journalId, expectedVersion: 1, input: { content: 'c', tags: null, clearedFields: [] } }); // an unset message decodes as null: "leave the tags"
    expect(kept.record.tags).toEqual(['kept']);
  });

  it('maps deletes, thoughts, tasks and calendar events both ways', async () => {
    expect(await commands.deleteEntry(journalId, undefined, { userId, correlationId: 'c' })).toEqual({
      id: journalId, version: 3, deletedAt: new Date(answered), consistencyToken: 'e3',
    });
    expect(seen.at(-1)?.request).toEqual({ id: journalId });
    const thought = await commands.captureThought({ text: 'idea', tags: ['x'] }, { userId, correlationId: 'c', idempotencyKey: 'k' });
    expect(seen.at(-1)?.request).toEqual({ text: 'idea', tags: ['x'], idempotencyKey: 'k' });
    expect(thought.record).toMatchObject({ text: 'idea', tags: ['x'], version: 1 });
    const task = await commands.createTask({ title: 'Plant', date: '2030-04-01', priority: 'HIGH', recurrence: 'FREQ=YEARLY' }, { userId, correlationId: 'c' });
    expect(task.record).toMatchObject({ title: 'Plant', date: '2030-04-01', priority: 'HIGH', recurrence: 'FREQ=YEARLY', dueTime: null, completedAt: null });
    expect((await commands.completeTask(journalId, null, { userId, correlationId: 'c' })).record).toMatchObject({ completed: true, completedAt: new Date(answered), occurrence: null });
    expect(seen.at(-1)?.request).toEqual({ id: journalId });
    expect((await commands.completeTask(journalId, '2030-01-08', { userId, correlationId: 'c' })).record).toMatchObject({ completed: true, occurrence: '2030-01-08' });
    expect(seen.at(-1)?.request).toEqual({ id: journalId, occurrence: '2030-01-08' });
    const stale = await commands.updateTask(journalId, 3, { title: 'x' }, { userId, correlationId: 'c' }).catch((e: unknown) => e);
    expect((stale as CommandRejected).failure).toMatchObject({ code: 'CONFLICT', currentVersion: 4 });
    // Reminders: the instant travels as ISO-8601 UTC and comes back a Date; 0 minutes is a value, not "unset"; null clears.
    const reminded = await commands.createTask({ title: 'Call', date: '2030-04-01', remindAt: new Date('2030-03-31T18:00:00+02:00'), reminderMinutesBefore: 0 }, { userId, correlationId: 'c' });
    expect(seen.at(-1)?.request).toMatchObject({ input: { remindAt: '2030-03-31T16:00:00.000Z', reminderMinutesBefore: 0 } });
    expect(reminded.record).toMatchObject({ remindAt: new Date('2030-03-31T16:00:00Z'), reminderMinutesBefore: 0 });
    expect(task.record).toMatchObject({ remindAt: null, reminderMinutesBefore: null });
    await commands.updateTask(journalId, 3, { remindAt: null, reminderMinutesBefore: 15 }, { userId, correlationId: 'c' }).catch(() => undefined);
    expect(seen.at(-1)?.request).toEqual({ id: journalId, expectedVersion: 3, input: { reminderMinutesBefore: 15, clearedFields: ['remindAt'] } });
    const event = await commands.scheduleEvent(
      { title: 'Talk', startsAt: new Date('2030-04-01T08:00:00Z'), endsAt: new Date('2030-04-01T09:00:00Z') },
      { userId, correlationId: 'c' },
    );
    expect(seen.at(-1)?.request).toEqual({ input: { title: 'Talk', startsAt: '2030-04-01T08:00:00.000Z', endsAt: '2030-04-01T09:00:00.000Z' } });
    expect(event.record).toMatchObject({ startsAt: new Date('2030-04-01T08:00:00Z'), recurrence: null });
    const missing = await commands.cancelEvent(journalId, { userId, correlationId: 'c' }).catch((e: unknown) => e);
    expect((missing as CommandRejected).failure.code).toBe('NOT_FOUND');
  });
});
