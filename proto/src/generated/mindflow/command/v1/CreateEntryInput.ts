// Original file: mindflow/command/v1/entry.proto

import type { _mindflow_command_v1_Mood_Value, _mindflow_command_v1_Mood_Value__Output } from '../../../mindflow/command/v1/Mood.js';

/**
 * API.md `CreateEntryInput`.
 */
export interface CreateEntryInput {
  'journalId'?: (string);
  'title'?: (string);
  'content'?: (string);
  'mood'?: (_mindflow_command_v1_Mood_Value);
  'tags'?: (string)[];
  'weather'?: (string);
  'location'?: (string);
  '_title'?: "title";
  '_mood'?: "mood";
  '_weather'?: "weather";
  '_location'?: "location";
}

/**
 * API.md `CreateEntryInput`.
 */
export interface CreateEntryInput__Output {
  'journalId': (string);
  'title'?: (string);
  'content': (string);
  'mood'?: (_mindflow_command_v1_Mood_Value__Output);
  'tags': (string)[];
  'weather'?: (string);
  'location'?: (string);
}
