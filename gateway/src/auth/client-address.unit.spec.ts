import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.js';

const request = (peer: string, xff?: string | string[]) => ({
  socket: { remoteAddress: peer },
  headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
}) as unknown as Parameters<typeof clientAddressOf>[0];

describe('client address', () => {
  it('is the socket peer by default, whatever X-Forwarded-For claims', () => {
    expect(clientAddressOf(request('198.51.100.9'), 0)).toBe('198.51.100.9');
    expect(clientAddressOf(request('198.51.100.9', '203.0.113.1'), 0)).toBe('198.51.100.9');
  });

  it('behind one trusted proxy, is the address that proxy appended, not what the client wrote before it', () => {
    expect(clientAddressOf(request('10.0.0.2', '203.0.113.1'), 1)).toBe('203.0.113.1');
    expect(clientAddressOf(request('10.0.0.2', '6.6.6.6, 203.0.113.1'), 1)).toBe('203.0.113.1');
    expect(clientAddressOf(request('10.0.0.2', ['6.6.6.6', '203.0.113.1']), 1)).toBe('203.0.113.1');
  });

  it('behind two trusted proxies, skips both', () => {
    expect(clientAddressOf(request('10.0.0.3', '6.6.6.6, 203.0.113.1, 10.0.0.2'), 2)).toBe('203.0.113.1');
  });

  it('falls back to the peer when the header is missing, short or not an address', () => {
    expect(clientAddressOf(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.2', 'not-an-ip'), 1)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.3', '203.0.113.1'), 3)).toBe('203.0.113.1');
  });
});
