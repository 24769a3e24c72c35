// Original file: mindflow/command/v1/journal.proto


/**
 * API.md `UpdateJournalInput`: a partial update. A field that is set is changed; an unset field is left
 * alone; a nullable field named in `cleared_fields` ("description", "color", "icon") is set to null.
 * Naming a field both ways, or a non-nullable field in `cleared_fields`, is INVALID_ARGUMENT.
 */
export interface UpdateJournalInput {
  'name'?: (string);
  'description'?: (string);
  'color'?: (string);
  'icon'?: (string);
  'isPrivate'?: (boolean);
  'clearedFields'?: (string)[];
  '_name'?: "name";
  '_description'?: "description";
  '_color'?: "color";
  '_icon'?: "icon";
  '_isPrivate'?: "isPrivate";
}

/**
 * API.md `UpdateJournalInput`: a partial update. A field that is set is changed; an unset field is left
 * alone; a nullable field named in `cleared_fields` ("description", "color", "icon") is set to null.
 * Naming a field both ways, or a non-nullable field in `cleared_fields`, is INVALID_ARGUMENT.
 */
export interface UpdateJournalInput__Output {
  'name'?: (string);
  'description'?: (string);
  'color'?: (string);
  'icon'?: (string);
  'isPrivate'?: (boolean);
  'clearedFields': (string)[];
}
