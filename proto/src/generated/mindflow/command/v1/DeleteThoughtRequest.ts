// Original file: mindflow/command/v1/thought.proto


export interface DeleteThoughtRequest {
  'id'?: (string);
}

export interface DeleteThoughtRequest__Output {
  'id': (string);
}
