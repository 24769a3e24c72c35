// Original file: mindflow/command/v1/journal.proto


/**
 * API.md `CreateJournalInput`. Unset optional fields are null; `is_private` defaults to false.
 */
export interface CreateJournalInput {
  'name'?: (string);
  'description'?: (string);
  'color'?: (string);
  'icon'?: (string);
  'isPrivate'?: (boolean);
  '_description'?: "description";
  '_color'?: "color";
  '_icon'?: "icon";
  '_isPrivate'?: "isPrivate";
}

/**
 * API.md `CreateJournalInput`. Unset optional fields are null; `is_private` defaults to false.
 */
export interface CreateJournalInput__Output {
  'name': (string);
  'description'?: (string);
  'color'?: (string);
  'icon'?: (string);
  'isPrivate'?: (boolean);
}
