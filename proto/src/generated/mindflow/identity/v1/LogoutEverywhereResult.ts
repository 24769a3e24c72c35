// Original file: mindflow/identity/v1/identity.proto


export interface LogoutEverywhereResult {
  'sessionsRevoked'?: (number);
}

export interface LogoutEverywhereResult__Output {
  'sessionsRevoked': (number);
}
