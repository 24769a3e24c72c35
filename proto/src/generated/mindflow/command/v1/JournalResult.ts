// Original file: mindflow/command/v1/journal.proto

import type { Journal as _mindflow_command_v1_Journal, Journal__Output as _mindflow_command_v1_Journal__Output } from '../../../mindflow/command/v1/Journal.js';

export interface JournalResult {
  'journal'?: (_mindflow_command_v1_Journal | null);
  'consistencyToken'?: (string);
}

export interface JournalResult__Output {
  'journal': (_mindflow_command_v1_Journal__Output | null);
  'consistencyToken': (string);
}
