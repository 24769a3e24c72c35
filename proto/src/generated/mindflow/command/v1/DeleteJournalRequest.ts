// Original file: mindflow/command/v1/journal.proto


export interface DeleteJournalRequest {
  'id'?: (string);
  /**
   * Absent: delete whatever the current version is.
   */
  'expectedVersion'?: (number);
  '_expectedVersion'?: "expectedVersion";
}

export interface DeleteJournalRequest__Output {
  'id': (string);
  /**
   * Absent: delete whatever the current version is.
   */
  'expectedVersion'?: (number);
}
