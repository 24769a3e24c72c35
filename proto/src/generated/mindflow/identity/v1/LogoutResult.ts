// Original file: mindflow/identity/v1/identity.proto


export interface LogoutResult {
  /**
   * False when the token was already unknown or revoked (logging out twice is not an error).
   */
  'revoked'?: (boolean);
}

export interface LogoutResult__Output {
  /**
   * False when the token was already unknown or revoked (logging out twice is not an error).
   */
  'revoked': (boolean);
}
