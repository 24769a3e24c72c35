import type { CreateTask, UpdateTask } from '../../commands/task-commands.js';
import type { SubgraphContext } from '../../context.js';
import { metadata, sendTyped } from './send-command.js';

interface CreateTaskArgs {
  input: CreateTask;
  idempotencyKey?: string | null;
}

interface UpdateTaskArgs {
  id: string;
  expectedVersion: number;
  input: UpdateTask;
}

interface OccurrenceArgs {
  id: string;
  occurrence?: string | null;
}

const payload = (written: Awaited<ReturnType<SubgraphContext['commands']['createTask']>>) => ({
  task: written.record,
  consistencyToken: written.consistencyToken,
});

export const taskMutations = {
  async createTask(_root: unknown, { input, idempotencyKey }: CreateTaskArgs, context: SubgraphContext) {
    return payload(await sendTyped('task', () => context.commands.createTask(input, metadata(context, idempotencyKey))));
  },

  async updateTask(_root: unknown, { id, expectedVersion, input }: UpdateTaskArgs, context: SubgraphContext) {
    return payload(await sendTyped('task', () => context.commands.updateTask(id, expectedVersion, input, metadata(context))));
  },

  /**
   * Completing a completed task or occurrence changes nothing and answers it as it is (same version, same
   * token). The command side checks the occurrence (required for a recurring task, a day of its series).
   */
  async completeTask(_root: unknown, { id, occurrence }: OccurrenceArgs, context: SubgraphContext) {
    return payload(await sendTyped('task', () => context.commands.completeTask(id, occurrence ?? null, metadata(context))));
  },

  async reopenTask(_root: unknown, { id, occurrence }: OccurrenceArgs, context: SubgraphContext) {
    return payload(await sendTyped('task', () => context.commands.reopenTask(id, occurrence ?? null, metadata(context))));
  },

  async deleteTask(_root: unknown, { id }: { id: string }, context: SubgraphContext) {
    return sendTyped('task', () => context.commands.deleteTask(id, metadata(context)));
  },
};
