import type { Priority, TaskRecord } from '../../read-model/records.js';
import type { CommandMetadata, Deleted, Patch, Written } from './command-port.js';

export interface CreateTask {
  readonly title: string;
  readonly description?: string | null | undefined;
  readonly date: string;
  readonly dueTime?: string | null | undefined;
  readonly priority?: Priority | null | undefined;
  readonly category?: string | null | undefined;
  readonly recurrence?: string | null | undefined;
  readonly remindAt?: Date | null | undefined;
  readonly reminderMinutesBefore?: number | null | undefined;
}

export type UpdateTask = Patch<{
  title: string;
  description: string;
  date: string;
  dueTime: string;
  priority: Priority;
  category: string;
  recurrence: string;
  remindAt: Date;
  reminderMinutesBefore: number;
}>;

export interface TaskCommands {
  createTask(command: CreateTask, metadata: CommandMetadata): Promise<Written<TaskRecord>>;
  updateTask(id: string, expectedVersion: number, patch: UpdateTask, metadata: CommandMetadata): Promise<Written<TaskRecord>>;
  /**
   * Completing a completed task or occurrence (reopening an open one) changes nothing and answers it as it
   * is. `occurrence`: which day of a recurring task (required for those); a one-off task may name its date.
   */
  completeTask(id: string, occurrence: string | null, metadata: CommandMetadata): Promise<Written<TaskRecord>>;
  reopenTask(id: string, occurrence: string | null, metadata: CommandMetadata): Promise<Written<TaskRecord>>;
  deleteTask(id: string, metadata: CommandMetadata): Promise<Deleted>;
}
