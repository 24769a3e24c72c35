import type { CompleteTaskRequest, CreateTaskRequest, DeleteTaskRequest, ReopenTaskRequest, UpdateTaskRequest } from '@mindflow/proto';
import type { Logger } from '@mindflow/platform';
import type { CommandEnvironment } from '../../application/command-environment.js';
import { changeTask } from '../../application/tasks/change-task.js';
import { createTask } from '../../application/tasks/create-task.js';
import { badInput, isDomainError } from '../../domain/shared/domain-error.js';
import { deleteResult, taskResult } from './messages.js';
import { clearedFields, enumChoice, requestIdempotencyKey, requiredId, requiredVersion, setOrCleared } from './request-fields.js';
import { unary } from './unary.js';

export function taskRpcs(environment: CommandEnvironment, log: Logger) {
  /** A task id of a request, then the change of the task it names. */
  const change = (id: string | undefined, run: (taskId: string) => ReturnType<typeof changeTask>) => {
    const taskId = requiredId('id', id);
    return isDomainError(taskId) ? Promise.resolve(taskId) : run(taskId);
  };
  return {
    CreateTask: unary('CreateTask', log, async (request: CreateTaskRequest, caller) => {
      const input = request.input;
      if (!input) return badInput('input', 'input is required');
      const priority = enumChoice('priority', input.priority, 'PRIORITY_UNSPECIFIED');
      if (isDomainError(priority)) return priority;
      const written = await createTask(environment, requestIdempotencyKey(caller, request.idempotencyKey), {
        title: input.title ?? '',
        description: input.description,
        date: input.date ?? '',
        dueTime: input.dueTime,
        priority,
        category: input.category,
        recurrence: input.recurrence,
        remindAt: input.remindAt,
        reminderMinutesBefore: input.reminderMinutesBefore,
      });
      return isDomainError(written) ? written : taskResult(written);
    }),

    UpdateTask: unary('UpdateTask', log, async (request: UpdateTaskRequest, caller) => {
      const expectedVersion = requiredVersion(request.expectedVersion);
      if (isDomainError(expectedVersion)) return expectedVersion;
      const input = request.input;
      if (!input) return badInput('input', 'input is required');
      const priority = enumChoice('priority', input.priority, 'PRIORITY_UNSPECIFIED');
      if (isDomainError(priority)) return priority;
      const clearable = ['description', 'dueTime', 'recurrence', 'remindAt', 'reminderMinutesBefore'] as const;
      const cleared = clearedFields(input.clearedFields ?? [], clearable, (f) => input[f] !== undefined);
      if (isDomainError(cleared)) return cleared;
      const written = await change(request.id, (taskId) =>
        changeTask(environment, caller, {
          type: 'UpdateTask',
          data: {
            taskId,
            callerId: caller.userId,
            expectedVersion,
            title: input.title,
            description: setOrCleared(input.description, cleared.has('description')),
            date: input.date,
            dueTime: setOrCleared(input.dueTime, cleared.has('dueTime')),
            priority,
            category: input.category,
            recurrence: setOrCleared(input.recurrence, cleared.has('recurrence')),
            remindAt: setOrCleared(input.remindAt, cleared.has('remindAt')),
            reminderMinutesBefore: setOrCleared(input.reminderMinutesBefore, cleared.has('reminderMinutesBefore')),
          },
        }),
      );
      return isDomainError(written) ? written : taskResult(written);
    }),

    CompleteTask: unary('CompleteTask', log, async (request: CompleteTaskRequest, caller) => {
      const occurrence = request.occurrence?.trim();
      const written = await change(request.id, (taskId) => changeTask(environment, caller, { type: 'CompleteTask', data: { taskId, callerId: caller.userId, occurrence } }));
      return isDomainError(written) ? written : taskResult(written, occurrence || undefined);
    }),

    ReopenTask: unary('ReopenTask', log, async (request: ReopenTaskRequest, caller) => {
      const occurrence = request.occurrence?.trim();
      const written = await change(request.id, (taskId) => changeTask(environment, caller, { type: 'ReopenTask', data: { taskId, callerId: caller.userId, occurrence } }));
      return isDomainError(written) ? written : taskResult(written, occurrence || undefined);
    }),

    DeleteTask: unary('DeleteTask', log, async (request: DeleteTaskRequest, caller) => {
      const written = await change(request.id, (taskId) => changeTask(environment, caller, { type: 'DeleteTask', data: { taskId, callerId: caller.userId } }));
      if (isDomainError(written)) return written;
      const { state, consistencyToken } = written;
      return deleteResult({ id: state.id, version: state.version, deletedAt: state.deletedAt, consistencyToken });
    }),
  };
}
