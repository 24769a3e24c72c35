import { accessTokenAlgorithm, accessTokenTtlSeconds, tokenIssuer, type SigningKeys } from '@mindflow/auth';
import { SignJWT } from 'jose';

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

/**
 * Access tokens exactly as `@mindflow/auth` issues and verifies them (EdDSA, issuer `mindflow`, `sub`,
 * `roles`, 15 minutes, `kid` of the key) plus `sid`, the session they belong to, which the gateway checks
 * for liveness so that a logout takes effect at once rather than when the token expires.
 */
export function accessTokenSigner(keys: SigningKeys, ttlSeconds = accessTokenTtlSeconds): AccessTokenSigner {
  return {
    async sign(claims, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const token = await new SignJWT({ roles: [...claims.roles], email: claims.email, sid: claims.sessionId })
        .setProtectedHeader({ alg: accessTokenAlgorithm, kid: keys.kid, typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuer(tokenIssuer)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(keys.privateKey);
      return { token, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
    },
  };
}
