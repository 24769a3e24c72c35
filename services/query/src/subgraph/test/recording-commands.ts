import { randomUUID } from 'node:crypto';
import { CommandRejected, type CommandMetadata, type Commands, type Deleted } from '../mutations/command-client/command-port.js';

export interface SentCommand {
  name: string;
  command: unknown;
  metadata: CommandMetadata;
}

/**
 * The command port answered in-process, the way the command service answers (name required, version 1
 * for creates, version + 1 for changes), recording what was sent: the subgraph's side of the contract,
 * tested without the command service.
 */
export function recordingCommands(): Commands & { sent: SentCommand[] } {
  const sent: SentCommand[] = [];
  const record = (name: string, command: unknown, metadata: CommandMetadata) => sent.push({ name, command, metadata });
  // The command service's token is the older two-part form; the mutation resolvers type it.
  const token = (id: string, version: number) => Buffer.from(`${id}:${version}`).toString('base64url');
  const deleted = (id: string, version: number): Deleted => ({ id, version, deletedAt: new Date(), consistencyToken: token(id, version) });
  const written = <T extends { id: string; version: number }>(record: T) => ({ record, consistencyToken: token(record.id, record.version) });
  const now = () => new Date();
  return {
    sent,
    createJournal(command, metadata) {
      record('createJournal', command, metadata);
      if (!command.name.trim()) return Promise.reject(new CommandRejected({ code: 'BAD_USER_INPUT', message: 'name is required', field: 'name' }));
      return Promise.resolve(written({ id: randomUUID(), ownerId: metadata.userId, name: command.name, description: command.description ?? null,
        color: command.color ?? null, icon: command.icon ?? null, isPrivate: command.isPrivate, version: 1, entryCount: 0,
        createdAt: now(), updatedAt: now() }));
    },
    updateJournal(id, expectedVersion, patch, metadata) {
      record('updateJournal', { id, expectedVersion, patch }, metadata);
      if (expectedVersion !== 1) return Promise.reject(new CommandRejected({ code: 'CONFLICT', message: 'stale', currentVersion: 1 }));
      return Promise.resolve(written({ id, ownerId: metadata.userId, name: patch.name ?? 'Journal', description: patch.description ?? null,
        color: patch.color ?? null, icon: patch.icon ?? null, isPrivate: patch.isPrivate ?? false, version: 2, createdAt: now(), updatedAt: now() }));
    },
    deleteJournal(id, expectedVersion, metadata) {
      record('deleteJournal', { id, expectedVersion }, metadata);
      return Promise.resolve(deleted(id, 2));
    },
    createEntry(command, metadata) {
      record('createEntry', command, metadata);
      if (command.content === 'overload') return Promise.reject(new CommandRejected({ code: 'UNAVAILABLE', message: 'The service is unavailable, try again' }));
      return Promise.resolve(written({ id: randomUUID(), ownerId: metadata.userId, journalId: command.journalId, title: command.title ?? null,
        content: command.content, mood: command.mood ?? null, tags: command.tags, wordCount: command.content.split(/\s+/).length,
        version: 1, createdAt: now(), updatedAt: now() }));
    },
    updateEntry(id, expectedVersion, patch, metadata) {
      record('updateEntry', { id, expectedVersion, patch }, metadata);
      const content = patch.content ?? 'content';
      return Promise.resolve(written({ id, ownerId: metadata.userId, journalId: patch.journalId ?? randomUUID(), title: patch.title ?? null, content,
        mood: patch.mood ?? null, tags: patch.tags ?? [], wordCount: 1, version: expectedVersion + 1, createdAt: now(), updatedAt: now() }));
    },
    deleteEntry(id, expectedVersion, metadata) {
      record('deleteEntry', { id, expectedVersion }, metadata);
      return Promise.resolve(deleted(id, 2));
    },
    captureThought(command, metadata) {
      record('captureThought', command, metadata);
      return Promise.resolve(written({ id: randomUUID(), ownerId: metadata.userId, text: command.text, tags: command.tags, version: 1, createdAt: now(), updatedAt: now() }));
    },
    updateThought(id, expectedVersion, patch, metadata) {
      record('updateThought', { id, expectedVersion, patch }, metadata);
      return Promise.resolve(written({ id, ownerId: metadata.userId, text: patch.text ?? 'thought', tags: patch.tags ?? [], version: expectedVersion + 1,
        createdAt: now(), updatedAt: now() }));
    },
    deleteThought(id, metadata) {
      record('deleteThought', { id }, metadata);
      return Promise.resolve(deleted(id, 2));
    },
    createTask(command, metadata) {
      record('createTask', command, metadata);
      return Promise.resolve(written({ id: randomUUID(), ownerId: metadata.userId, title: command.title, description: command.description ?? null,
        date: command.date, dueTime: command.dueTime ?? null, priority: command.priority ?? 'MEDIUM', category: command.category ?? 'general',
        completed: false, completedAt: null, recurrence: command.recurrence ?? null, remindAt: command.remindAt ?? null,
        reminderMinutesBefore: command.reminderMinutesBefore ?? null, occurrence: null, version: 1, createdAt: now(), updatedAt: now() }));
    },
    updateTask(id, expectedVersion, patch, metadata) {
      record('updateTask', { id, expectedVersion, patch }, metadata);
      return Promise.resolve(written(task(id, metadata.userId, expectedVersion + 1, false)));
    },
    completeTask(id, occurrence, metadata) {
      record('completeTask', { id, occurrence }, metadata);
      return Promise.resolve(written(task(id, metadata.userId, 2, true, occurrence)));
    },
    reopenTask(id, occurrence, metadata) {
      record('reopenTask', { id, occurrence }, metadata);
      return Promise.resolve(written(task(id, metadata.userId, 3, false, occurrence)));
    },
    deleteTask(id, metadata) {
      record('deleteTask', { id }, metadata);
      return Promise.resolve(deleted(id, 2));
    },
    scheduleEvent(command, metadata) {
      record('scheduleEvent', command, metadata);
      return Promise.resolve(written({ id: randomUUID(), ownerId: metadata.userId, title: command.title, startsAt: command.startsAt, endsAt: command.endsAt,
        recurrence: command.recurrence ?? null, version: 1, createdAt: now(), updatedAt: now() }));
    },
    cancelEvent(id, metadata) {
      record('cancelEvent', { id }, metadata);
      return Promise.resolve(deleted(id, 2));
    },
    close: () => undefined,
  };
}

function task(id: string, ownerId: string, version: number, completed: boolean, occurrence: string | null = null) {
  const now = new Date();
  return { id, ownerId, title: 'Task', description: null, date: occurrence ?? '2030-01-01', dueTime: null, priority: 'MEDIUM' as const, category: 'general',
    completed, completedAt: completed ? now : null, recurrence: occurrence ? 'FREQ=DAILY' : null, remindAt: null, reminderMinutesBefore: null, occurrence, version, createdAt: now, updatedAt: now };
}
