// Original file: mindflow/identity/v1/identity.proto


/**
 * Where a session comes from, kept with the session for the user's device list and lockout decisions.
 */
export interface ClientInfo {
  'ip'?: (string);
  'userAgent'?: (string);
  '_ip'?: "ip";
  '_userAgent'?: "userAgent";
}

/**
 * Where a session comes from, kept with the session for the user's device list and lockout decisions.
 */
export interface ClientInfo__Output {
  'ip'?: (string);
  'userAgent'?: (string);
}
