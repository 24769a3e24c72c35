import { setTimeout as sleep } from 'node:timers/promises';
import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { authenticateConnection, msUntilExpiry, watchSession } from './connection-auth.js';

const user = { kind: 'user', user: { userId: 'u', roles: ['user'], expiresAt: new Date() }, sessionId: 's-1' } as const;

describe('connection auth', () => {
  it('needs "Bearer <token>" in connectionParams.authorization', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    expect(await authenticateConnection(undefined, { publicKey })).toEqual({ kind: 'anonymous' });
    expect(await authenticateConnection({ authorization: 42 }, { publicKey })).toMatchObject({ kind: 'invalid' });
    expect(await authenticateConnection({ Authorization: 'Basic abc' }, { publicKey })).toMatchObject({ kind: 'invalid' });
    expect(await authenticateConnection({ authorization: 'Bearer a.b.c' }, { publicKey })).toMatchObject({ kind: 'invalid' });
  });

  it('bounds the expiry timer', () => {
    expect(msUntilExpiry(new Date(10_000), 4_000)).toBe(6_000);
    expect(msUntilExpiry(new Date(0), 4_000)).toBe(0);
    expect(msUntilExpiry(new Date(8.64e15), 0)).toBe(2 ** 31 - 1);
  });

  it('closes a connection whose session ended, keeps it while live or while identity cannot answer', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    let answer: boolean | Error = true;
    const verifier = { publicKey, sessions: { required: false, isLive: async () => (answer instanceof Error ? Promise.reject(answer) : answer) } };
    const events: string[] = [];
    const stop = watchSession(verifier, user, () => events.push('ended'), () => events.push('error'), 5);
    await sleep(30);
    expect(events).toEqual([]);
    answer = new Error('identity down');
    await sleep(30);
    expect(events.every((e) => e === 'error')).toBe(true);
    answer = false;
    await sleep(30);
    expect(events).toContain('ended');
    stop();
    const count = events.length;
    await sleep(30);
    expect(events).toHaveLength(count);
  });

  it('watches nothing without a session check or a session id', async () => {
    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const events: string[] = [];
    watchSession({ publicKey }, user, () => events.push('ended'), () => events.push('error'), 5)();
    watchSession({ publicKey, sessions: { required: false, isLive: () => Promise.resolve(false) } }, { ...user, sessionId: undefined }, () => events.push('ended'), () => undefined, 5)();
    await sleep(30);
    expect(events).toEqual([]);
  });
});
