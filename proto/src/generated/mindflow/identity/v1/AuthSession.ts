// Original file: mindflow/identity/v1/identity.proto

import type { User as _mindflow_identity_v1_User, User__Output as _mindflow_identity_v1_User__Output } from '../../../mindflow/identity/v1/User.js';

/**
 * A signed-in session: a short-lived access token (JWT, EdDSA) and the refresh token that renews it. The
 * gateway puts the refresh token in an httpOnly cookie; it never reaches GraphQL clients.
 */
export interface AuthSession {
  'accessToken'?: (string);
  /**
   * ISO-8601 instant; API.md AuthPayload.expiresAt.
   */
  'expiresAt'?: (string);
  'refreshToken'?: (string);
  'refreshExpiresAt'?: (string);
  'user'?: (_mindflow_identity_v1_User | null);
}

/**
 * A signed-in session: a short-lived access token (JWT, EdDSA) and the refresh token that renews it. The
 * gateway puts the refresh token in an httpOnly cookie; it never reaches GraphQL clients.
 */
export interface AuthSession__Output {
  'accessToken': (string);
  /**
   * ISO-8601 instant; API.md AuthPayload.expiresAt.
   */
  'expiresAt': (string);
  'refreshToken': (string);
  'refreshExpiresAt': (string);
  'user': (_mindflow_identity_v1_User__Output | null);
}
