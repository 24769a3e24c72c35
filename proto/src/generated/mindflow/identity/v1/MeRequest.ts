// Original file: mindflow/identity/v1/identity.proto


/**
 * The caller comes from `x-user-id`.
 */
export interface MeRequest {
}

/**
 * The caller comes from `x-user-id`.
 */
export interface MeRequest__Output {
}
