import { describe, expect, it } from 'vitest';
import { clearedRefreshCookie, refreshCookie, refreshTokenFrom } from './refresh-cookie.js';

describe('refresh cookie', () => {
  it('is httpOnly, Secure, SameSite=Strict, for /graphql only, and lives as long as the token', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(refreshCookie('tok', new Date('2030-01-15T00:00:00Z'), now)).toBe(
      'mindflow_refresh=tok; Max-Age=1209600; Path=/graphql; HttpOnly; Secure; SameSite=Strict',
    );
    expect(clearedRefreshCookie()).toBe('mindflow_refresh=; Max-Age=0; Path=/graphql; HttpOnly; Secure; SameSite=Strict');
  });

  it('is found among other cookies, and absent or empty is no token', () => {
    expect(refreshTokenFrom('theme=dark; mindflow_refresh=abc_-1; lang=en')).toBe('abc_-1');
    expect(refreshTokenFrom('mindflow_refresh=')).toBeUndefined();
    expect(refreshTokenFrom('other=1')).toBeUndefined();
    expect(refreshTokenFrom(undefined)).toBeUndefined();
  });
});
