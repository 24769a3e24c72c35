// Original file: mindflow/identity/v1/identity.proto

import type { ClientInfo as _mindflow_identity_v1_ClientInfo, ClientInfo__Output as _mindflow_identity_v1_ClientInfo__Output } from '../../../mindflow/identity/v1/ClientInfo.js';

export interface LoginRequest {
  'email'?: (string);
  'password'?: (string);
  'client'?: (_mindflow_identity_v1_ClientInfo | null);
}

export interface LoginRequest__Output {
  'email': (string);
  'password': (string);
  'client': (_mindflow_identity_v1_ClientInfo__Output | null);
}
