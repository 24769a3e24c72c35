// Original file: mindflow/command/v1/task.proto

import type { _mindflow_command_v1_Priority_Value, _mindflow_command_v1_Priority_Value__Output } from '../../../mindflow/command/v1/Priority.js';

/**
 * API.md `CreateTaskInput`. Unset `priority` is MEDIUM; unset `category` is the command service's default.
 */
export interface CreateTaskInput {
  'title'?: (string);
  'description'?: (string);
  'date'?: (string);
  'dueTime'?: (string);
  'priority'?: (_mindflow_command_v1_Priority_Value);
  'category'?: (string);
  'recurrence'?: (string);
  '_description'?: "description";
  '_dueTime'?: "dueTime";
  '_priority'?: "priority";
  '_category'?: "category";
  '_recurrence'?: "recurrence";
}

/**
 * API.md `CreateTaskInput`. Unset `priority` is MEDIUM; unset `category` is the command service's default.
 */
export interface CreateTaskInput__Output {
  'title': (string);
  'description'?: (string);
  'date': (string);
  'dueTime'?: (string);
  'priority'?: (_mindflow_command_v1_Priority_Value__Output);
  'category'?: (string);
  'recurrence'?: (string);
}
