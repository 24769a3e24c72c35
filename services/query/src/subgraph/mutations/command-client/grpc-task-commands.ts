import type { CommandClient, Task as WrittenTask } from '@mindflow/proto';
import { priorities, type Priority, type TaskRecord } from '../../read-model/records.js';
import { callContext, commandCall, deleted, idempotencyField, optional, partialUpdate, written } from './grpc-call.js';
import type { TaskCommands } from './task-commands.js';

/** Tasks over gRPC (command.proto `CreateTask` … `DeleteTask`). */
export function grpcTaskCommands(client: CommandClient): TaskCommands {
  const answer = (result: { task: WrittenTask | null; consistencyToken: string }, ownerId: string) =>
    written(result.task, result.consistencyToken, (t) => taskRecord(t, ownerId));
  return {
    async createTask(command, metadata) {
      const input = {
        title: command.title,
        ...optional('description', command.description),
        date: command.date,
        ...optional('dueTime', command.dueTime),
        ...optional('priority', command.priority),
        ...optional('category', command.category),
        ...optional('recurrence', command.recurrence),
        ...optional('remindAt', command.remindAt?.toISOString()),
        ...optional('reminderMinutesBefore', command.reminderMinutesBefore),
      };
      return answer(await commandCall(() => client.createTask({ input, ...idempotencyField(metadata) }, callContext(metadata))), metadata.userId);
    },

    async updateTask(id, expectedVersion, patch, metadata) {
      const fields = ['title', 'description', 'date', 'dueTime', 'priority', 'category', 'recurrence', 'remindAt', 'reminderMinutesBefore'] as const;
      const { set, clearedFields } = partialUpdate({ ...patch, remindAt: patch.remindAt instanceof Date ? patch.remindAt.toISOString() : patch.remindAt }, fields);
      const request = { id, expectedVersion, input: { ...set, clearedFields } };
      return answer(await commandCall(() => client.updateTask(request, callContext(metadata))), metadata.userId);
    },

    async completeTask(id, occurrence, metadata) {
      return answer(await commandCall(() => client.completeTask({ id, ...optional('occurrence', occurrence) }, callContext(metadata))), metadata.userId);
    },

    async reopenTask(id, occurrence, metadata) {
      return answer(await commandCall(() => client.reopenTask({ id, ...optional('occurrence', occurrence) }, callContext(metadata))), metadata.userId);
    },

    async deleteTask(id, metadata) {
      return deleted(await commandCall(() => client.deleteTask({ id }, callContext(metadata))));
    },
  };
}

function taskRecord(task: WrittenTask, ownerId: string): TaskRecord {
  return {
    id: task.id,
    ownerId,
    title: task.title,
    description: task.description ?? null,
    // An occurrence (the answer to completing one) reads as in a calendar day: dated on its day.
    date: task.occurrence ?? task.date,
    dueTime: task.dueTime ?? null,
    // The command service never answers the zero value; MEDIUM is what an unset priority means anyway.
    priority: priorities.includes(task.priority as Priority) ? (task.priority as Priority) : 'MEDIUM',
    category: task.category,
    completed: task.completed,
    completedAt: task.completedAt ? new Date(task.completedAt) : null,
    recurrence: task.recurrence ?? null,
    remindAt: task.remindAt ? new Date(task.remindAt) : null,
    reminderMinutesBefore: task.reminderMinutesBefore ?? null,
    occurrence: task.occurrence ?? null,
    version: task.version,
    createdAt: new Date(task.createdAt),
    updatedAt: new Date(task.updatedAt),
  };
}
