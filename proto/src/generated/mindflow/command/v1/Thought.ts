// Original file: mindflow/command/v1/thought.proto


/**
 * API.md `type Thought`. Timestamps are ISO-8601 instants.
 */
export interface Thought {
  'id'?: (string);
  'text'?: (string);
  'tags'?: (string)[];
  'version'?: (number);
  'createdAt'?: (string);
  'updatedAt'?: (string);
}

/**
 * API.md `type Thought`. Timestamps are ISO-8601 instants.
 */
export interface Thought__Output {
  'id': (string);
  'text': (string);
  'tags': (string)[];
  'version': (number);
  'createdAt': (string);
  'updatedAt': (string);
}
