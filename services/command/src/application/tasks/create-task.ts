import { decideTask } from '../../domain/task/decide-task.js';
import type { TaskFields } from '../../domain/task/task-commands.js';
import { isDomainError, type DomainError } from '../../domain/shared/domain-error.js';
import type { Caller } from '../caller.js';
import { commandContext, type CommandEnvironment } from '../command-environment.js';
import { recordFacts } from '../record-facts.js';
import { runCommand } from '../run-command.js';
import { taskRecording, type TaskWritten } from './task-recording.js';

export async function createTask(environment: CommandEnvironment, caller: Caller, fields: TaskFields): Promise<TaskWritten | DomainError> {
  return runCommand(environment.pool, caller, 'CreateTask', async (tx) => {
    const context = commandContext(environment);
    const decision = decideTask({ type: 'CreateTask', data: { ...fields, ownerId: caller.userId } }, null, context);
    if (isDomainError(decision)) return decision;
    return recordFacts(tx, environment, caller, taskRecording, null, decision, context.now);
  });
}
