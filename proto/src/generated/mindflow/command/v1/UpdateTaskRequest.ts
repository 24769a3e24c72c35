// Original file: mindflow/command/v1/task.proto

import type { UpdateTaskInput as _mindflow_command_v1_UpdateTaskInput, UpdateTaskInput__Output as _mindflow_command_v1_UpdateTaskInput__Output } from '../../../mindflow/command/v1/UpdateTaskInput.js';

export interface UpdateTaskRequest {
  'id'?: (string);
  'expectedVersion'?: (number);
  'input'?: (_mindflow_command_v1_UpdateTaskInput | null);
}

export interface UpdateTaskRequest__Output {
  'id': (string);
  'expectedVersion': (number);
  'input': (_mindflow_command_v1_UpdateTaskInput__Output | null);
}
