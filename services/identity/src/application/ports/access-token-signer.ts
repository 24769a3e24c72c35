export interface AccessTokenClaims {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly email: string;
  /** The session (refresh-token family): the gateway refuses the token once it is revoked. */
  readonly sessionId: string;
}

export interface AccessTokenSigner {
  sign(claims: AccessTokenClaims, now: Date): Promise<{ token: string; expiresAt: Date }>;
}
