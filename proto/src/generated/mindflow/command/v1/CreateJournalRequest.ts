// Original file: mindflow/command/v1/journal.proto

import type { CreateJournalInput as _mindflow_command_v1_CreateJournalInput, CreateJournalInput__Output as _mindflow_command_v1_CreateJournalInput__Output } from '../../../mindflow/command/v1/CreateJournalInput.js';

export interface CreateJournalRequest {
  'input'?: (_mindflow_command_v1_CreateJournalInput | null);
}

export interface CreateJournalRequest__Output {
  'input': (_mindflow_command_v1_CreateJournalInput__Output | null);
}
