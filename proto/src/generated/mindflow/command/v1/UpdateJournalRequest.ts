// Original file: mindflow/command/v1/journal.proto

import type { UpdateJournalInput as _mindflow_command_v1_UpdateJournalInput, UpdateJournalInput__Output as _mindflow_command_v1_UpdateJournalInput__Output } from '../../../mindflow/command/v1/UpdateJournalInput.js';

export interface UpdateJournalRequest {
  'id'?: (string);
  'expectedVersion'?: (number);
  'input'?: (_mindflow_command_v1_UpdateJournalInput | null);
}

export interface UpdateJournalRequest__Output {
  'id': (string);
  'expectedVersion': (number);
  'input': (_mindflow_command_v1_UpdateJournalInput__Output | null);
}
