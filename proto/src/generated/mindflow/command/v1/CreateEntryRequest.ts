// Original file: mindflow/command/v1/entry.proto

import type { CreateEntryInput as _mindflow_command_v1_CreateEntryInput, CreateEntryInput__Output as _mindflow_command_v1_CreateEntryInput__Output } from '../../../mindflow/command/v1/CreateEntryInput.js';

export interface CreateEntryRequest {
  'input'?: (_mindflow_command_v1_CreateEntryInput | null);
  /**
   * API.md `idempotencyKey`: a retry with the same key (same caller) returns the first result, writes nothing.
   */
  'idempotencyKey'?: (string);
  '_idempotencyKey'?: "idempotencyKey";
}

export interface CreateEntryRequest__Output {
  'input': (_mindflow_command_v1_CreateEntryInput__Output | null);
  /**
   * API.md `idempotencyKey`: a retry with the same key (same caller) returns the first result, writes nothing.
   */
  'idempotencyKey'?: (string);
}
