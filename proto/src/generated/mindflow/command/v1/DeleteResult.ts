// Original file: mindflow/command/v1/vocabulary.proto


/**
 * The answer to every delete / cancel command. Deletes are soft: the aggregate gets one more event,
 * `version` is that event's aggregate version.
 */
export interface DeleteResult {
  'id'?: (string);
  'version'?: (number);
  /**
   * ISO-8601 instant.
   */
  'deletedAt'?: (string);
  /**
   * base64url("<aggregateId>:<aggregateVersion>"), see docs/CONVENTIONS.md.
   */
  'consistencyToken'?: (string);
}

/**
 * The answer to every delete / cancel command. Deletes are soft: the aggregate gets one more event,
 * `version` is that event's aggregate version.
 */
export interface DeleteResult__Output {
  'id': (string);
  'version': (number);
  /**
   * ISO-8601 instant.
   */
  'deletedAt': (string);
  /**
   * base64url("<aggregateId>:<aggregateVersion>"), see docs/CONVENTIONS.md.
   */
  'consistencyToken': (string);
}
