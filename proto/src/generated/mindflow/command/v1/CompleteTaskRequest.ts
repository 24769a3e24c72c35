// Original file: mindflow/command/v1/task.proto


/**
 * Completing a completed task (or reopening an open one) changes nothing and answers the current task.
 * `occurrence` (YYYY-MM-DD): which date of a recurring task; required for those (else BAD_USER_INPUT on
 * "occurrence"), optional for a one-off task (its own date, if given).
 */
export interface CompleteTaskRequest {
  'id'?: (string);
  'occurrence'?: (string);
  '_occurrence'?: "occurrence";
}

/**
 * Completing a completed task (or reopening an open one) changes nothing and answers the current task.
 * `occurrence` (YYYY-MM-DD): which date of a recurring task; required for those (else BAD_USER_INPUT on
 * "occurrence"), optional for a one-off task (its own date, if given).
 */
export interface CompleteTaskRequest__Output {
  'id': (string);
  'occurrence'?: (string);
}
