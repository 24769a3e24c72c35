import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueAccessToken, loadSigningKeys, tokenIssuer, type SigningKeys } from '@mindflow/auth';
import type * as Auth from '@mindflow/auth';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { authenticate } from './authenticate.js';

/** Counts the signature verifications authenticate asks for. */
const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock('@mindflow/auth', async (importOriginal) => {
  const original = await importOriginal<typeof Auth>();
  return { ...original, verifyAccessToken: (...args: Parameters<typeof original.verifyAccessToken>) => (verifications.count++, original.verifyAccessToken(...args)) };
});
import type { SessionCheck } from './session-check.js';

const userId = '3f1c6c56-8b1e-4c38-9a43-1f0f3b0c2a11';
const liveSession = '6a3c1f0e-1111-4c38-9a43-1f0f3b0c2a11';
const endedSession = '6a3c1f0e-2222-4c38-9a43-1f0f3b0c2a11';
let keys: SigningKeys;

beforeAll(async () => {
  keys = await loadSigningKeys({}, join(await mkdtemp(join(tmpdir(), 'gateway-auth-')), 'keys'));
});

/** A token as identity issues it: with `sid`. */
async function sessionToken(sid: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['user'], sid }).setProtectedHeader({ alg: 'EdDSA', kid: keys.kid })
    .setSubject(userId).setIssuer(tokenIssuer).setIssuedAt(now).setExpirationTime(now + 900).sign(keys.privateKey);
}

const sessions = (required: boolean): SessionCheck => ({ required, isLive: (sid) => Promise.resolve(sid === liveSession) });
const headers = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authenticate with a session check', () => {
  it('passes a token whose session is live, keeping its sid', async () => {
    const auth = await authenticate(headers(await sessionToken(liveSession)), { publicKey: keys.publicKey, sessions: sessions(true) });
    expect(auth).toMatchObject({ kind: 'user', sessionId: liveSession, user: { userId } });
  });

  it('refuses a token whose session ended', async () => {
    const auth = await authenticate(headers(await sessionToken(endedSession)), { publicKey: keys.publicKey, sessions: sessions(false) });
    expect(auth).toEqual({ kind: 'invalid', reason: 'session ended: sign in again' });
  });

  it('lets a token without sid through only when sessions are not required', async () => {
    const { token } = await issueAccessToken({ userId, roles: ['user'] }, keys);
    expect(await authenticate(headers(token), { publicKey: keys.publicKey, sessions: sessions(false) })).toMatchObject({ kind: 'user' });
    expect(await authenticate(headers(token), { publicKey: keys.publicKey, sessions: sessions(true) })).toMatchObject({ kind: 'invalid' });
  });

  it('never asks about the session of a token that does not verify', async () => {
    const asked: string[] = [];
    const check: SessionCheck = { required: true, isLive: (sid) => (asked.push(sid), Promise.resolve(true)) };
    const forged = (await sessionToken(liveSession)).replace(/\.[^.]+$/, '.AAAA');
    expect(await authenticate(headers(forged), { publicKey: keys.publicKey, sessions: check })).toMatchObject({ kind: 'invalid' });
    expect(asked).toEqual([]);
  });

  it('without a session check, behaves as before', async () => {
    expect(await authenticate(headers(await sessionToken(endedSession)), { publicKey: keys.publicKey })).toMatchObject({ kind: 'user', sessionId: endedSession });
    expect(await authenticate({}, { publicKey: keys.publicKey })).toEqual({ kind: 'anonymous' });
  });
});

describe('authenticate, verified tokens reused', () => {
  it('verifies a token once for its verifier, and still asks about its session on every request', async () => {
    const asked: string[] = [];
    const verifier = { publicKey: keys.publicKey, sessions: { required: true, isLive: (sid: string) => (asked.push(sid), Promise.resolve(true)) } };
    const token = await sessionToken(liveSession);
    const before = verifications.count;
    const first = await authenticate(headers(token), verifier);
    for (let i = 0; i < 50; i++) expect(await authenticate(headers(token), verifier)).toEqual(first);
    expect(verifications.count - before).toBe(1);
    expect(asked).toHaveLength(51);
    // Another verifier (another key set) verifies for itself.
    await authenticate(headers(token), { publicKey: keys.publicKey });
    expect(verifications.count - before).toBe(2);
  });

  it('verifies a token again once it expired: the reuse never outlives the token', async () => {
    const verifier = { publicKey: keys.publicKey };
    const { token } = await issueAccessToken({ userId, roles: ['user'] }, keys, 1);
    const before = verifications.count;
    expect(await authenticate(headers(token), verifier)).toMatchObject({ kind: 'user' });
    expect(await authenticate(headers(token), verifier)).toMatchObject({ kind: 'user' });
    expect(verifications.count - before).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // Past its exp the token is verified again (and jose's 5 s clock tolerance decides, as without the reuse).
    await authenticate(headers(token), verifier);
    expect(verifications.count - before).toBe(2);
  });

  it('does not take a forged token for a verified one that shares its claims', async () => {
    const verifier = { publicKey: keys.publicKey };
    const token = await sessionToken(liveSession);
    expect(await authenticate(headers(token), verifier)).toMatchObject({ kind: 'user' });
    const forged = token.replace(/\.[^.]+$/, '.AAAA');
    expect(await authenticate(headers(forged), verifier)).toMatchObject({ kind: 'invalid' });
  });
});
