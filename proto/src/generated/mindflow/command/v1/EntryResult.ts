// Original file: mindflow/command/v1/entry.proto

import type { Entry as _mindflow_command_v1_Entry, Entry__Output as _mindflow_command_v1_Entry__Output } from '../../../mindflow/command/v1/Entry.js';

export interface EntryResult {
  'entry'?: (_mindflow_command_v1_Entry | null);
  'consistencyToken'?: (string);
}

export interface EntryResult__Output {
  'entry': (_mindflow_command_v1_Entry__Output | null);
  'consistencyToken': (string);
}
