import { describe, expect, it } from 'vitest';
import { signCaller, verifyCaller } from './caller.js';
import { signClientAddress, verifyClientAddress } from './client-address.js';

const secret = 'a-secret-of-sufficient-length';

describe('client address header', () => {
  it('round-trips', () => {
    expect(verifyClientAddress(signClientAddress('203.0.113.7', secret), secret)).toBe('203.0.113.7');
  });

  it('refuses a tampered body, another secret, an expired header', () => {
    const [, signature] = signClientAddress('203.0.113.7', secret).split('.');
    const forged = Buffer.from(JSON.stringify({ address: '198.51.100.1', exp: 9e9 })).toString('base64url');
    expect(verifyClientAddress(`${forged}.${signature}`, secret)).toBeNull();
    expect(verifyClientAddress(signClientAddress('203.0.113.7', 'another-secret-entirely'), secret)).toBeNull();
    expect(verifyClientAddress(signClientAddress('203.0.113.7', secret, 60, new Date(Date.now() - 120_000)), secret)).toBeNull();
  });

  it('refuses missing and malformed headers', () => {
    for (const header of [undefined, null, '', 'abc', 'a.b.c', '.', '203.0.113.7', `${'x'.repeat(2000)}.y`]) {
      expect(verifyClientAddress(header, secret)).toBeNull();
    }
  });

  it('is never taken for a caller header, nor a caller header for it', () => {
    expect(verifyCaller(signClientAddress('203.0.113.7', secret), secret)).toBeNull();
    expect(verifyClientAddress(signCaller({ userId: 'u', roles: [] }, secret), secret)).toBeNull();
  });
});
