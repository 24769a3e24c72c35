// Original file: mindflow/command/v1/entry.proto

import type { UpdateEntryInput as _mindflow_command_v1_UpdateEntryInput, UpdateEntryInput__Output as _mindflow_command_v1_UpdateEntryInput__Output } from '../../../mindflow/command/v1/UpdateEntryInput.js';

export interface UpdateEntryRequest {
  'id'?: (string);
  'expectedVersion'?: (number);
  'input'?: (_mindflow_command_v1_UpdateEntryInput | null);
}

export interface UpdateEntryRequest__Output {
  'id': (string);
  'expectedVersion': (number);
  'input': (_mindflow_command_v1_UpdateEntryInput__Output | null);
}
