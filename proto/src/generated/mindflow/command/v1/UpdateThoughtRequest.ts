// Original file: mindflow/command/v1/thought.proto

import type { TagList as _mindflow_command_v1_TagList, TagList__Output as _mindflow_command_v1_TagList__Output } from '../../../mindflow/command/v1/TagList.js';

/**
 * API.md `updateThought(id, expectedVersion, text, tags)`: unset fields are left alone; `tags`, when
 * present, replaces the whole list.
 */
export interface UpdateThoughtRequest {
  'id'?: (string);
  'expectedVersion'?: (number);
  'text'?: (string);
  'tags'?: (_mindflow_command_v1_TagList | null);
  '_text'?: "text";
}

/**
 * API.md `updateThought(id, expectedVersion, text, tags)`: unset fields are left alone; `tags`, when
 * present, replaces the whole list.
 */
export interface UpdateThoughtRequest__Output {
  'id': (string);
  'expectedVersion': (number);
  'text'?: (string);
  'tags': (_mindflow_command_v1_TagList__Output | null);
}
