import { decideTask } from '../../domain/task/decide-task.js';
import type { CompleteTask, DeleteTask, ReopenTask, UpdateTask } from '../../domain/task/task-commands.js';
import type { DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { changeAggregate } from '../change-aggregate.js';
import type { CommandEnvironment } from '../command-environment.js';
import { taskRecording, type TaskWritten } from './task-recording.js';

/**
 * Updates, completes, reopens or deletes a task, decided against its row locked for the rest of the
 * transaction. A command that changes nothing (completing a completed task) answers the task as it is.
 */
export function changeTask(
  environment: CommandEnvironment,
  caller: Caller,
  command: UpdateTask | CompleteTask | ReopenTask | DeleteTask,
): Promise<TaskWritten | DomainError> {
  return changeAggregate(environment, caller, taskRecording, command.data.taskId, command, decideTask);
}
