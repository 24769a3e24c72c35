import type { Written } from './command-client/command-port.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import type { TaskRecord } from '../read-model/records.js';
import { metadata, sendTyped } from './send-command.js';

const payload = (written: Written<TaskRecord>) => ({
  task: written.record,
  consistencyToken: written.consistencyToken,
});

export const taskMutations: MutationResolvers = {
  async createTask(_root, { input, idempotencyKey }, context) {
    return payload(await sendTyped('task', () => context.commands.createTask(input, metadata(context, idempotencyKey))));
  },

  async updateTask(_root, { id, expectedVersion, input }, context) {
    return payload(await sendTyped('task', () => context.commands.updateTask(id, expectedVersion, input, metadata(context))));
  },

  /**
   * Completing a completed task or occurrence changes nothing and answers it as it is (same version, same
   * token). The command side checks the occurrence (required for a recurring task, a day of its series).
   */
  async completeTask(_root, { id, occurrence }, context) {
    return payload(await sendTyped('task', () => context.commands.completeTask(id, occurrence ?? null, metadata(context))));
  },

  async reopenTask(_root, { id, occurrence }, context) {
    return payload(await sendTyped('task', () => context.commands.reopenTask(id, occurrence ?? null, metadata(context))));
  },

  async deleteTask(_root, { id }, context) {
    return sendTyped('task', () => context.commands.deleteTask(id, metadata(context)));
  },
};
