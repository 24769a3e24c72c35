// Original file: mindflow/identity/v1/identity.proto


/**
 * The caller comes from `x-user-id`.
 */
export interface LogoutEverywhereRequest {
}

/**
 * The caller comes from `x-user-id`.
 */
export interface LogoutEverywhereRequest__Output {
}
