// Original file: mindflow/command/v1/calendar_event.proto


export interface CancelEventRequest {
  'id'?: (string);
}

export interface CancelEventRequest__Output {
  'id': (string);
}
