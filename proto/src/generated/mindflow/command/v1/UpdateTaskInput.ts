// Original file: mindflow/command/v1/task.proto

import type { _mindflow_command_v1_Priority_Value, _mindflow_command_v1_Priority_Value__Output } from '../../../mindflow/command/v1/Priority.js';

/**
 * API.md `UpdateTaskInput`: a partial update (see UpdateJournalInput for `cleared_fields`; nullable here:
 * "description", "dueTime", "recurrence", "remindAt", "reminderMinutesBefore"). Completion changes only
 * through CompleteTask / ReopenTask.
 */
export interface UpdateTaskInput {
  'title'?: (string);
  'description'?: (string);
  'date'?: (string);
  'dueTime'?: (string);
  'priority'?: (_mindflow_command_v1_Priority_Value);
  'category'?: (string);
  'recurrence'?: (string);
  'clearedFields'?: (string)[];
  'remindAt'?: (string);
  'reminderMinutesBefore'?: (number);
  '_title'?: "title";
  '_description'?: "description";
  '_date'?: "date";
  '_dueTime'?: "dueTime";
  '_priority'?: "priority";
  '_category'?: "category";
  '_recurrence'?: "recurrence";
  '_remindAt'?: "remindAt";
  '_reminderMinutesBefore'?: "reminderMinutesBefore";
}

/**
 * API.md `UpdateTaskInput`: a partial update (see UpdateJournalInput for `cleared_fields`; nullable here:
 * "description", "dueTime", "recurrence", "remindAt", "reminderMinutesBefore"). Completion changes only
 * through CompleteTask / ReopenTask.
 */
export interface UpdateTaskInput__Output {
  'title'?: (string);
  'description'?: (string);
  'date'?: (string);
  'dueTime'?: (string);
  'priority'?: (_mindflow_command_v1_Priority_Value__Output);
  'category'?: (string);
  'recurrence'?: (string);
  'clearedFields': (string)[];
  'remindAt'?: (string);
  'reminderMinutesBefore'?: (number);
}
