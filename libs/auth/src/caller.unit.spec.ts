import { describe, expect, it } from 'vitest';
import { signCaller, verifyCaller } from './caller.js';

const secret = 'a-secret-of-sufficient-length';
const caller = { userId: '3f1c6c56-8b1e-4c38-9a43-1f0f3b0c2a11', roles: ['user'] };

describe('internal caller header', () => {
  it('round-trips', () => {
    expect(verifyCaller(signCaller(caller, secret), secret)).toEqual(caller);
  });

  it('refuses a tampered body', () => {
    const [, signature] = signCaller(caller, secret).split('.');
    const forged = Buffer.from(JSON.stringify({ ...caller, userId: 'someone-else', exp: 9e9 })).toString('base64url');
    expect(verifyCaller(`${forged}.${signature}`, secret)).toBeNull();
  });

  it('refuses another secret', () => {
    expect(verifyCaller(signCaller(caller, 'another-secret-entirely'), secret)).toBeNull();
  });

  it('refuses an expired header', () => {
    const header = signCaller(caller, secret, 60, new Date(Date.now() - 120_000));
    expect(verifyCaller(header, secret)).toBeNull();
  });

  it('refuses missing and malformed headers', () => {
    for (const header of [undefined, null, '', 'abc', 'a.b.c', '.', `${'x'.repeat(5000)}.y`]) {
      expect(verifyCaller(header, secret)).toBeNull();
    }
  });

  it('answers a header it verified before from memory, never past its expiry or for another secret', () => {
    const now = new Date();
    const header = signCaller(caller, secret, 60, now);
    expect(verifyCaller(header, secret, now)).toEqual(caller);
    expect(verifyCaller(header, secret, new Date(now.getTime() + 30_000))).toEqual(caller);
    expect(verifyCaller(header, 'another-secret-entirely', now)).toBeNull();
    expect(verifyCaller(header, secret, new Date(now.getTime() + 61_000))).toBeNull();
    // and a header that differs by one character from a remembered one is verified (and refused) on its own
    const [body, signature] = header.split('.');
    expect(verifyCaller(`${body}.${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`, secret, now)).toBeNull();
  });

  it('refuses a signed body of the wrong shape', () => {
    const header = signCaller({ userId: '', roles: [] }, secret);
    expect(verifyCaller(header, secret)).toBeNull();
  });
});
