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

  it('refuses a signed body of the wrong shape', () => {
    const header = signCaller({ userId: '', roles: [] }, secret);
    expect(verifyCaller(header, secret)).toBeNull();
  });
});
