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
  /**
   * A one-off reminder, an ISO-8601 instant with a zone; refused (BAD_USER_INPUT "remindAt") when malformed,
   * outside 2000–2199, or more than 5 minutes in the past.
   */
  'remindAt'?: (string);
  /**
   * Minutes (0–10080) before each occurrence's date + due time (09:00 without one) in the owner's time zone.
   */
  'reminderMinutesBefore'?: (number);
  '_description'?: "description";
  '_dueTime'?: "dueTime";
  '_priority'?: "priority";
  '_category'?: "category";
  '_recurrence'?: "recurrence";
  '_remindAt'?: "remindAt";
  '_reminderMinutesBefore'?: "reminderMinutesBefore";
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
  /**
   * A one-off reminder, an ISO-8601 instant with a zone; refused (BAD_USER_INPUT "remindAt") when malformed,
   * outside 2000–2199, or more than 5 minutes in the past.
   */
  'remindAt'?: (string);
  /**
   * Minutes (0–10080) before each occurrence's date + due time (09:00 without one) in the owner's time zone.
   */
  'reminderMinutesBefore'?: (number);
}
