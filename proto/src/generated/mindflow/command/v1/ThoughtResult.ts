// Original file: mindflow/command/v1/thought.proto

import type { Thought as _mindflow_command_v1_Thought, Thought__Output as _mindflow_command_v1_Thought__Output } from '../../../mindflow/command/v1/Thought.js';

export interface ThoughtResult {
  'thought'?: (_mindflow_command_v1_Thought | null);
  'consistencyToken'?: (string);
}

export interface ThoughtResult__Output {
  'thought': (_mindflow_command_v1_Thought__Output | null);
  'consistencyToken': (string);
}
