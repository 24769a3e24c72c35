import { accessTokenAlgorithm, accessTokenTtlSeconds, tokenIssuer, type SigningKeys } from '@mindflow/auth';
import { SignJWT } from 'jose';
import type { AccessTokenClaims, AccessTokenSigner } from '../../application/ports/access-token-signer.js';

export type { AccessTokenClaims, AccessTokenSigner };

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
