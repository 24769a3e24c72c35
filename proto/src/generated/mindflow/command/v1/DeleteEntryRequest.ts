// Original file: mindflow/command/v1/entry.proto


export interface DeleteEntryRequest {
  'id'?: (string);
  'expectedVersion'?: (number);
  '_expectedVersion'?: "expectedVersion";
}

export interface DeleteEntryRequest__Output {
  'id': (string);
  'expectedVersion'?: (number);
}
