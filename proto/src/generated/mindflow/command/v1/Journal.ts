// Original file: mindflow/command/v1/journal.proto


/**
 * A journal as the command side wrote it (API.md `type Journal`, without the read-side fields
 * entryCount and entries). Timestamps are ISO-8601 instants.
 */
export interface Journal {
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'color'?: (string);
  'icon'?: (string);
  'isPrivate'?: (boolean);
  'version'?: (number);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  '_description'?: "description";
  '_color'?: "color";
  '_icon'?: "icon";
}

/**
 * A journal as the command side wrote it (API.md `type Journal`, without the read-side fields
 * entryCount and entries). Timestamps are ISO-8601 instants.
 */
export interface Journal__Output {
  'id': (string);
  'name': (string);
  'description'?: (string);
  'color'?: (string);
  'icon'?: (string);
  'isPrivate': (boolean);
  'version': (number);
  'createdAt': (string);
  'updatedAt': (string);
}
