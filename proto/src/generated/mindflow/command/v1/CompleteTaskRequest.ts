// Original file: mindflow/command/v1/task.proto


/**
 * Completing a completed task (or reopening an open one) changes nothing and answers the current task.
 */
export interface CompleteTaskRequest {
  'id'?: (string);
}

/**
 * Completing a completed task (or reopening an open one) changes nothing and answers the current task.
 */
export interface CompleteTaskRequest__Output {
  'id': (string);
}
