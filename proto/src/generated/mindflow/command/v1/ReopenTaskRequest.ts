// Original file: mindflow/command/v1/task.proto


export interface ReopenTaskRequest {
  'id'?: (string);
}

export interface ReopenTaskRequest__Output {
  'id': (string);
}
