import { createHash, randomBytes } from 'node:crypto';
import type { RefreshTokens } from '../../application/ports/refresh-tokens.js';

/**
 * A refresh token is 256 random bits, base64url: opaque to everyone, unguessable. Only its SHA-256 is
 * stored — a fast hash is enough for a secret with that much entropy (a password needs a slow one).
 */
export function newRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: refreshTokenHash(token) };
}

export function refreshTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Cheap shape check before any lookup: what `newRefreshToken` makes, nothing else. */
export function looksLikeRefreshToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export const refreshTokens: RefreshTokens = { issue: newRefreshToken, hashOf: refreshTokenHash, looksLike: looksLikeRefreshToken };
