// Original file: mindflow/command/v1/task.proto

import type { CreateTaskInput as _mindflow_command_v1_CreateTaskInput, CreateTaskInput__Output as _mindflow_command_v1_CreateTaskInput__Output } from '../../../mindflow/command/v1/CreateTaskInput.js';

export interface CreateTaskRequest {
  'input'?: (_mindflow_command_v1_CreateTaskInput | null);
  'idempotencyKey'?: (string);
  '_idempotencyKey'?: "idempotencyKey";
}

export interface CreateTaskRequest__Output {
  'input': (_mindflow_command_v1_CreateTaskInput__Output | null);
  'idempotencyKey'?: (string);
}
