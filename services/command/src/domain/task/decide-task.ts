import { firstId, type CommandContext } from '../shared/command-context.js';
import { decideBy } from '../shared/decide-by.js';
import { conflict, isDomainError, notFound, type Decision, type DomainError } from '../shared/domain-error.js';
import type { CompleteTask, CreateTask, DeleteTask, ReopenTask, TaskCommand, UpdateTask } from './task-commands.js';
import type { TaskEvent, TaskField } from './task-events.js';
import { occurrenceOf } from './task-occurrence.js';
import { checkRemindAtAhead, validTaskPlan } from './task-fields.js';
import type { Task } from './task.js';

export const decideTask = decideBy<TaskCommand, Task | null, TaskEvent>({
  CreateTask: (command, _state, context) => create(command, context),
  UpdateTask: update,
  CompleteTask: complete,
  ReopenTask: reopen,
  DeleteTask: remove,
});

function create({ data }: CreateTask, context: CommandContext): Decision<TaskEvent> {
  const plan = validTaskPlan(data);
  if (isDomainError(plan)) return plan;
  const past = checkRemindAtAhead(plan.remindAt, null, context.now);
  if (past) return past;
  return [{ type: 'TaskCreated', data: { taskId: firstId(context), ownerId: data.ownerId, ...plan, createdAt: context.now } }];
}

function update({ data }: UpdateTask, state: Task | null, context: CommandContext): Decision<TaskEvent> {
  const task = ownedLiveTask(state, data.callerId);
  if (isDomainError(task)) return task;
  if (task.version !== data.expectedVersion) return conflict(task.version, `task changed meanwhile: it is at version ${task.version}`);
  const keep = <K extends keyof Task>(field: K, value: Task[K] | undefined) => (value === undefined ? task[field] : value);
  const plan = validTaskPlan({
    title: data.title ?? task.title,
    description: keep('description', data.description),
    date: data.date ?? task.date,
    dueTime: keep('dueTime', data.dueTime),
    // Priority and category cannot be emptied: null means "back to the default".
    priority: data.priority === undefined ? task.priority : data.priority,
    category: data.category === undefined ? task.category : data.category,
    recurrence: keep('recurrence', data.recurrence),
    remindAt: keep('remindAt', data.remindAt),
    reminderMinutesBefore: keep('reminderMinutesBefore', data.reminderMinutesBefore),
  });
  if (isDomainError(plan)) return plan;
  const past = checkRemindAtAhead(plan.remindAt, task.remindAt, context.now);
  if (past) return past;
  const changedFields = taskFields.filter((field) => plan[field] !== task[field]);
  // An edit that changes nothing is no fact: nothing is written and the version stays.
  if (changedFields.length === 0) return [];
  return [
    {
      type: 'TaskUpdated',
      data: { taskId: task.id, ...plan, completed: task.completed, completedAt: task.completedAt, changedFields, updatedAt: context.now },
    },
  ];
}

function complete({ data }: CompleteTask, state: Task | null, context: CommandContext): Decision<TaskEvent> {
  const task = ownedLiveTask(state, data.callerId);
  if (isDomainError(task)) return task;
  const occurrence = occurrenceOf(task, data.occurrence);
  if (isDomainError(occurrence)) return occurrence;
  return isCompleted(task, occurrence) ? [] : [{ type: 'TaskCompleted', data: { taskId: task.id, occurrence, completedAt: context.now } }];
}

function reopen({ data }: ReopenTask, state: Task | null, context: CommandContext): Decision<TaskEvent> {
  const task = ownedLiveTask(state, data.callerId);
  if (isDomainError(task)) return task;
  const occurrence = occurrenceOf(task, data.occurrence);
  if (isDomainError(occurrence)) return occurrence;
  return isCompleted(task, occurrence) ? [{ type: 'TaskReopened', data: { taskId: task.id, occurrence, reopenedAt: context.now } }] : [];
}

function remove({ data }: DeleteTask, state: Task | null, context: CommandContext): Decision<TaskEvent> {
  const task = ownedLiveTask(state, data.callerId);
  if (isDomainError(task)) return task;
  return [{ type: 'TaskDeleted', data: { taskId: task.id, deletedAt: context.now } }];
}

/** Whether the task (occurrence null) or one occurrence of it is completed. */
function isCompleted(task: Task, occurrence: string | null): boolean {
  return occurrence === null ? task.completed : Object.hasOwn(task.completedOccurrences, occurrence);
}

/** Another owner's task answers exactly like a missing one: its existence is not ours to reveal. */
function ownedLiveTask(state: Task | null, callerId: string): Task | DomainError {
  if (!state || state.ownerId !== callerId || state.deletedAt !== null) return notFound('task not found');
  return state;
}

const taskFields: readonly TaskField[] = ['title', 'description', 'date', 'dueTime', 'priority', 'category', 'recurrence', 'remindAt', 'reminderMinutesBefore'];
