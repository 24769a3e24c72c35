// Original file: mindflow/command/v1/task.proto

import type { Task as _mindflow_command_v1_Task, Task__Output as _mindflow_command_v1_Task__Output } from '../../../mindflow/command/v1/Task.js';

export interface TaskResult {
  'task'?: (_mindflow_command_v1_Task | null);
  'consistencyToken'?: (string);
}

export interface TaskResult__Output {
  'task': (_mindflow_command_v1_Task__Output | null);
  'consistencyToken': (string);
}
