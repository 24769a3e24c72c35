// Original file: mindflow/command/v1/task.proto


export interface ReopenTaskRequest {
  'id'?: (string);
  'occurrence'?: (string);
  '_occurrence'?: "occurrence";
}

export interface ReopenTaskRequest__Output {
  'id': (string);
  'occurrence'?: (string);
}
