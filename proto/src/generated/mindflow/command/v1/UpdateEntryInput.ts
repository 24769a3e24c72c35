// Original file: mindflow/command/v1/entry.proto

import type { _mindflow_command_v1_Mood_Value, _mindflow_command_v1_Mood_Value__Output } from '../../../mindflow/command/v1/Mood.js';
import type { TagList as _mindflow_command_v1_TagList, TagList__Output as _mindflow_command_v1_TagList__Output } from '../../../mindflow/command/v1/TagList.js';

/**
 * API.md `UpdateEntryInput`: a partial update (see UpdateJournalInput for `cleared_fields`; nullable here:
 * "title", "mood", "weather", "location"). Setting `journal_id` moves the entry to another journal the
 * caller owns. `tags`, when present, replaces the whole list.
 */
export interface UpdateEntryInput {
  'journalId'?: (string);
  'title'?: (string);
  'content'?: (string);
  'mood'?: (_mindflow_command_v1_Mood_Value);
  'tags'?: (_mindflow_command_v1_TagList | null);
  'weather'?: (string);
  'location'?: (string);
  'clearedFields'?: (string)[];
  /**
   * Redates the entry: the moment it is about (ISO-8601 instant), as CreateEntryInput.created_at; absent: kept.
   */
  'createdAt'?: (string);
  '_journalId'?: "journalId";
  '_title'?: "title";
  '_content'?: "content";
  '_mood'?: "mood";
  '_weather'?: "weather";
  '_location'?: "location";
  '_createdAt'?: "createdAt";
}

/**
 * API.md `UpdateEntryInput`: a partial update (see UpdateJournalInput for `cleared_fields`; nullable here:
 * "title", "mood", "weather", "location"). Setting `journal_id` moves the entry to another journal the
 * caller owns. `tags`, when present, replaces the whole list.
 */
export interface UpdateEntryInput__Output {
  'journalId'?: (string);
  'title'?: (string);
  'content'?: (string);
  'mood'?: (_mindflow_command_v1_Mood_Value__Output);
  'tags': (_mindflow_command_v1_TagList__Output | null);
  'weather'?: (string);
  'location'?: (string);
  'clearedFields': (string)[];
  /**
   * Redates the entry: the moment it is about (ISO-8601 instant), as CreateEntryInput.created_at; absent: kept.
   */
  'createdAt'?: (string);
}
