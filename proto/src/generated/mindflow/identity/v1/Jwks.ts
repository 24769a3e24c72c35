// Original file: mindflow/identity/v1/identity.proto

import type { Jwk as _mindflow_identity_v1_Jwk, Jwk__Output as _mindflow_identity_v1_Jwk__Output } from '../../../mindflow/identity/v1/Jwk.js';

/**
 * The keys access tokens may be signed with (the current one and, during a rotation, the previous).
 */
export interface Jwks {
  'keys'?: (_mindflow_identity_v1_Jwk)[];
}

/**
 * The keys access tokens may be signed with (the current one and, during a rotation, the previous).
 */
export interface Jwks__Output {
  'keys': (_mindflow_identity_v1_Jwk__Output)[];
}
