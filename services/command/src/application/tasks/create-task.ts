import { decideTask } from '../../domain/task/decide-task.js';
import type { TaskFields } from '../../domain/task/task-commands.js';
import type { DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import type { CommandEnvironment } from '../command-environment.js';
import { decideAndRecord } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { taskRecording, type TaskWritten } from './task-recording.js';

export function createTask(environment: CommandEnvironment, caller: Caller, fields: TaskFields): Promise<TaskWritten | DomainError> {
  return runCommand(environment, caller, 'CreateTask', (tx) =>
    decideAndRecord(tx, environment, caller, taskRecording, null, (context) =>
      decideTask({ type: 'CreateTask', data: { ...fields, ownerId: caller.userId } }, null, context)));
}
