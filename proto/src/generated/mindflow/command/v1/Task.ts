// Original file: mindflow/command/v1/task.proto

import type { _mindflow_command_v1_Priority_Value, _mindflow_command_v1_Priority_Value__Output } from '../../../mindflow/command/v1/Priority.js';

/**
 * API.md `type Task`. `date` is YYYY-MM-DD, `due_time` HH:MM, `recurrence` an RFC 5545 RRULE,
 * instants are ISO-8601. `occurrence` (YYYY-MM-DD) is set when the task is one occurrence of a recurring
 * task (the answer to completing or reopening it): `completed` and `completed_at` are then that occurrence's.
 */
export interface Task {
  'id'?: (string);
  'title'?: (string);
  'description'?: (string);
  'date'?: (string);
  'dueTime'?: (string);
  'priority'?: (_mindflow_command_v1_Priority_Value);
  'category'?: (string);
  'completed'?: (boolean);
  'completedAt'?: (string);
  'recurrence'?: (string);
  'version'?: (number);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  'occurrence'?: (string);
  'remindAt'?: (string);
  'reminderMinutesBefore'?: (number);
  '_description'?: "description";
  '_dueTime'?: "dueTime";
  '_completedAt'?: "completedAt";
  '_recurrence'?: "recurrence";
  '_occurrence'?: "occurrence";
  '_remindAt'?: "remindAt";
  '_reminderMinutesBefore'?: "reminderMinutesBefore";
}

/**
 * API.md `type Task`. `date` is YYYY-MM-DD, `due_time` HH:MM, `recurrence` an RFC 5545 RRULE,
 * instants are ISO-8601. `occurrence` (YYYY-MM-DD) is set when the task is one occurrence of a recurring
 * task (the answer to completing or reopening it): `completed` and `completed_at` are then that occurrence's.
 */
export interface Task__Output {
  'id': (string);
  'title': (string);
  'description'?: (string);
  'date': (string);
  'dueTime'?: (string);
  'priority': (_mindflow_command_v1_Priority_Value__Output);
  'category': (string);
  'completed': (boolean);
  'completedAt'?: (string);
  'recurrence'?: (string);
  'version': (number);
  'createdAt': (string);
  'updatedAt': (string);
  'occurrence'?: (string);
  'remindAt'?: (string);
  'reminderMinutesBefore'?: (number);
}
