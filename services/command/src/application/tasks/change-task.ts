import { findTask } from '../../adapters/pg/task-rows.js';
import { decideTask } from '../../domain/task/decide-task.js';
import type { CompleteTask, DeleteTask, ReopenTask, UpdateTask } from '../../domain/task/task-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { recordFacts } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { taskRecording, type TaskWritten } from './task-recording.js';

/**
 * Updates, completes, reopens or deletes a task, decided against its row locked for the rest of the
 * transaction. A command that changes nothing (completing a completed task) answers the task as it is.
 */
export async function changeTask(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateTask | CompleteTask | ReopenTask | DeleteTask,
): Promise<TaskWritten | DomainError> {
  return runCommand(environment.pool, caller, command.type, async (tx) => {
    const state = await findTask(tx, command.data.taskId, 'update');
    const context = commandContext(environment, 0);
    // The caller is always the one on the request, whatever the command object says.
    const asCaller = { ...command, data: { ...command.data, callerId: caller.userId } } as typeof command;
    const decision = decideTask(asCaller, state, context);
    if (isDomainError(decision)) return decision;
    return recordFacts(tx, environment, caller, taskRecording, state, decision, context.now);
  });
}
