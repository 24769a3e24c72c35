// Original file: mindflow/command/v1/thought.proto


/**
 * API.md `captureThought(text, tags, idempotencyKey)`.
 */
export interface CaptureThoughtRequest {
  'text'?: (string);
  'tags'?: (string)[];
  'idempotencyKey'?: (string);
  '_idempotencyKey'?: "idempotencyKey";
}

/**
 * API.md `captureThought(text, tags, idempotencyKey)`.
 */
export interface CaptureThoughtRequest__Output {
  'text': (string);
  'tags': (string)[];
  'idempotencyKey'?: (string);
}
