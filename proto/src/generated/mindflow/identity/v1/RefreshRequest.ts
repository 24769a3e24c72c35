// Original file: mindflow/identity/v1/identity.proto

import type { ClientInfo as _mindflow_identity_v1_ClientInfo, ClientInfo__Output as _mindflow_identity_v1_ClientInfo__Output } from '../../../mindflow/identity/v1/ClientInfo.js';

/**
 * Rotates: the presented refresh token is spent and a new one returned.
 */
export interface RefreshRequest {
  'refreshToken'?: (string);
  'client'?: (_mindflow_identity_v1_ClientInfo | null);
}

/**
 * Rotates: the presented refresh token is spent and a new one returned.
 */
export interface RefreshRequest__Output {
  'refreshToken': (string);
  'client': (_mindflow_identity_v1_ClientInfo__Output | null);
}
