// Original file: mindflow/command/v1/task.proto


export interface DeleteTaskRequest {
  'id'?: (string);
}

export interface DeleteTaskRequest__Output {
  'id': (string);
}
