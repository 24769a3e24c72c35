import { describe, expect, it } from 'vitest';
import { decideRefresh, type PresentedRefreshToken } from './refresh-rotation.js';
import { openSession, type SessionPolicy } from './session-policy.js';

const day = 24 * 60 * 60_000;
const policy: SessionPolicy = { refreshTtlMs: 14 * day, sessionMaxMs: 30 * day };
const signedIn = new Date('2030-01-01T00:00:00Z');
const at = (ms: number) => new Date(signedIn.getTime() + ms);
const session = openSession(signedIn, policy);

const fresh: PresentedRefreshToken = {
  sessionId: 'session-1',
  userId: 'user-1',
  expiresAt: session.refreshExpiresAt,
  rotatedAt: null,
  sessionExpiresAt: session.expiresAt,
  sessionRevokedAt: null,
};

describe('opening a session', () => {
  it('lives 30 days, its first refresh token 14', () => {
    expect(session).toEqual({ expiresAt: at(30 * day), refreshExpiresAt: at(14 * day) });
  });
});

describe('refresh token rotation', () => {
  it('rotates an unspent token: the successor lives 14 days from now', () => {
    expect(decideRefresh(fresh, at(day), policy)).toEqual({ kind: 'rotate', sessionId: 'session-1', userId: 'user-1', nextExpiresAt: at(15 * day) });
  });

  it('never lets a successor outlive its session', () => {
    const late = { ...fresh, expiresAt: at(29 * day) };
    expect(decideRefresh(late, at(25 * day), policy)).toMatchObject({ kind: 'rotate', nextExpiresAt: at(30 * day) });
  });

  it('detects reuse of a spent token and names the family to revoke', () => {
    const spent = { ...fresh, rotatedAt: at(day) };
    expect(decideRefresh(spent, at(day + 1_000), policy)).toEqual({ kind: 'reuse-detected', sessionId: 'session-1', userId: 'user-1' });
  });

  it('treats a spent token of a revoked family as revoked (nothing left to revoke)', () => {
    const spentAndRevoked = { ...fresh, rotatedAt: at(day), sessionRevokedAt: at(day + 1) };
    expect(decideRefresh(spentAndRevoked, at(2 * day), policy)).toEqual({ kind: 'refuse', reason: 'revoked' });
  });

  it('refuses an unspent token of a revoked session (logout)', () => {
    expect(decideRefresh({ ...fresh, sessionRevokedAt: at(1) }, at(2), policy)).toEqual({ kind: 'refuse', reason: 'revoked' });
  });

  it('refuses an expired token, and any token once the session has ended', () => {
    expect(decideRefresh(fresh, at(14 * day), policy)).toEqual({ kind: 'refuse', reason: 'expired' });
    const longLived = { ...fresh, expiresAt: at(40 * day) };
    expect(decideRefresh(longLived, at(30 * day), policy)).toEqual({ kind: 'refuse', reason: 'expired' });
  });

  it('refuses an unknown token', () => {
    expect(decideRefresh(null, at(1), policy)).toEqual({ kind: 'refuse', reason: 'unknown' });
  });
});
