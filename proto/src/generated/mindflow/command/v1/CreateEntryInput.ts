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
  /**
   * The moment the entry is about (ISO-8601 instant), when it is written later (backdating); absent: now.
   */
  'createdAt'?: (string);
  '_title'?: "title";
  '_mood'?: "mood";
  '_weather'?: "weather";
  '_location'?: "location";
  '_createdAt'?: "createdAt";
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
  /**
   * The moment the entry is about (ISO-8601 instant), when it is written later (backdating); absent: now.
   */
  'createdAt'?: (string);
}
