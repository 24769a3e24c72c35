import { describe, expect, it } from 'vitest';
import { clientAddressOf, trustedProxies } from './client-address.js';

const request = (peer: string, xff?: string | string[]) => ({
  socket: { remoteAddress: peer },
  headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
}) as unknown as Parameters<typeof clientAddressOf>[0];

const none = trustedProxies('');
const proxy = trustedProxies('10.0.0.2');

describe('client address', () => {
  it('is the socket peer by default, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf(request('198.51.100.9'), none)).toBe('198.51.100.9');
    expect(clientAddressOf(request('198.51.100.9', '203.0.113.1'), none)).toBe('198.51.100.9');
    expect(clientAddressOf(request('::ffff:198.51.100.9'), none)).toBe('198.51.100.9');
  });

  it('behind a trusted proxy, is the address that proxy appended, not what the client wrote before it', () => {
    expect(clientAddressOf(request('10.0.0.2', '203.0.113.1'), proxy)).toBe('203.0.113.1');
    expect(clientAddressOf(request('::ffff:10.0.0.2', '6.6.6.6, 203.0.113.1'), proxy)).toBe('203.0.113.1');
    expect(clientAddressOf(request('10.0.0.2', ['6.6.6.6', '203.0.113.1']), proxy)).toBe('203.0.113.1');
  });

  it('believes no X-Forwarded-For from a caller that is not a trusted proxy (a direct client)', () => {
    expect(clientAddressOf(request('198.51.100.9', '203.0.113.1'), proxy)).toBe('198.51.100.9');
  });

  it('skips every trusted hop, by address or range, IPv6 included', () => {
    const chain = trustedProxies('10.0.0.0/8, fd00::/8');
    expect(clientAddressOf(request('10.0.0.3', '6.6.6.6, 203.0.113.1, 10.0.0.2'), chain)).toBe('203.0.113.1');
    expect(clientAddressOf(request('fd00::1', '2001:db8::7'), chain)).toBe('2001:db8::7');
  });

  it('keeps the last believed address when the header is missing or holds no address', () => {
    expect(clientAddressOf(request('10.0.0.2'), proxy)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.2', 'not-an-ip'), proxy)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.3', 'evil, 10.0.0.2'), trustedProxies('10.0.0.0/8'))).toBe('10.0.0.2');
  });

  it('refuses a setting that is not addresses and ranges', () => {
    expect(() => trustedProxies('1')).toThrow(/GATEWAY_TRUSTED_PROXIES/);
    expect(() => trustedProxies('10.0.0.0/x')).toThrow(/GATEWAY_TRUSTED_PROXIES/);
  });
});
