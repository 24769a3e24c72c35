import { createRemoteJWKSet, errors, exportJWK, jwtVerify, SignJWT } from 'jose';
import type { CryptoKey, JSONWebKeySet, JWTVerifyGetKey } from 'jose';
import { accessTokenAlgorithm, type SigningKeys } from './keys.js';

export const tokenIssuer = 'mindflow';
export const accessTokenTtlSeconds = 15 * 60;

export interface AccessTokenSubject {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly email?: string;
}

export interface VerifiedAccessToken extends AccessTokenSubject {
  readonly expiresAt: Date;
}

/** Why a token was refused; the message is safe to show the caller (it names no key material). */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/** A public key held locally, or the identity service's JWKS URL (fetched once, cached by jose, refreshed on an unknown `kid`). */
export type Verifier = { readonly publicKey: CryptoKey } | { readonly jwksUrl: string | URL };

export async function issueAccessToken(
  subject: AccessTokenSubject,
  keys: SigningKeys,
  ttlSeconds = accessTokenTtlSeconds,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
  const claims = { roles: [...subject.roles], ...(subject.email ? { email: subject.email } : {}) };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: accessTokenAlgorithm, kid: keys.kid, typ: 'JWT' })
    .setSubject(subject.userId)
    .setIssuer(tokenIssuer)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(keys.privateKey);
  return { token, expiresAt };
}

const remoteKeySets = new Map<string, JWTVerifyGetKey>();

/**
 * Verifies signature (EdDSA only: `alg: none` and every other algorithm are refused before any key is
 * used), issuer and expiry, and that the claims have the shape we issue. Throws `InvalidTokenError`.
 */
export async function verifyAccessToken(token: string, verifier: Verifier, now?: Date): Promise<VerifiedAccessToken> {
  const options = {
    algorithms: [accessTokenAlgorithm],
    issuer: tokenIssuer,
    requiredClaims: ['sub', 'exp'],
    clockTolerance: 5,
    ...(now ? { currentDate: now } : {}),
  };
  try {
    const { payload } = 'publicKey' in verifier
      ? await jwtVerify(token, verifier.publicKey, options)
      : await jwtVerify(token, remoteKeySet(verifier.jwksUrl), options);
    const roles = payload['roles'];
    const email = payload['email'];
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) throw new InvalidTokenError('token has no roles');
    return {
      userId: payload.sub as string,
      roles,
      ...(typeof email === 'string' ? { email } : {}),
      expiresAt: new Date((payload.exp as number) * 1000),
    };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JWTExpired) throw new InvalidTokenError('token expired');
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) throw error;
    if (error instanceof errors.JWTClaimValidationFailed) throw new InvalidTokenError(`invalid token: ${error.claim} ${error.reason}`);
    if (error instanceof errors.JOSEError) throw new InvalidTokenError(`invalid token (${error.code})`);
    throw error; // e.g. the JWKS endpoint is down: not the caller's fault, so not an auth refusal
  }
}

/** The JWKS document the identity service serves (`/.well-known/jwks.json`). */
export async function publicJwks(keys: Pick<SigningKeys, 'publicKey' | 'kid'>): Promise<JSONWebKeySet> {
  const jwk = await exportJWK(keys.publicKey);
  return { keys: [{ ...jwk, kid: keys.kid, alg: accessTokenAlgorithm, use: 'sig' }] };
}

function remoteKeySet(url: string | URL): JWTVerifyGetKey {
  const key = String(url);
  let keySet = remoteKeySets.get(key);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(key), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
    remoteKeySets.set(key, keySet);
  }
  return keySet;
}
