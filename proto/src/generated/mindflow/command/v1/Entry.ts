// Original file: mindflow/command/v1/entry.proto

import type { _mindflow_command_v1_Mood_Value, _mindflow_command_v1_Mood_Value__Output } from '../../../mindflow/command/v1/Mood.js';

/**
 * A journal entry as the command side wrote it (API.md `type Entry`; `journal` is referenced by id,
 * insights are the read side's). Timestamps are ISO-8601 instants.
 */
export interface Entry {
  'id'?: (string);
  'journalId'?: (string);
  'title'?: (string);
  'content'?: (string);
  'mood'?: (_mindflow_command_v1_Mood_Value);
  'tags'?: (string)[];
  'wordCount'?: (number);
  'weather'?: (string);
  'location'?: (string);
  'version'?: (number);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  '_title'?: "title";
  '_mood'?: "mood";
  '_weather'?: "weather";
  '_location'?: "location";
}

/**
 * A journal entry as the command side wrote it (API.md `type Entry`; `journal` is referenced by id,
 * insights are the read side's). Timestamps are ISO-8601 instants.
 */
export interface Entry__Output {
  'id': (string);
  'journalId': (string);
  'title'?: (string);
  'content': (string);
  'mood'?: (_mindflow_command_v1_Mood_Value__Output);
  'tags': (string)[];
  'wordCount': (number);
  'weather'?: (string);
  'location'?: (string);
  'version': (number);
  'createdAt': (string);
  'updatedAt': (string);
}
