import { describe, expect, it } from 'vitest';
import { refusedBecause } from './address-policy.js';

describe('refusedBecause (which webhook addresses are allowed)', () => {
  const publicAddresses = ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'];
  const local = ['127.0.0.1', '127.8.9.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '100.64.0.1', '169.254.169.254', '::1', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'];
  const linkLocal = ['169.254.169.254', 'fe80::1'];
  const never = ['0.0.0.0', '::', '224.0.0.1', 'ff02::1', '255.255.255.255', '192.0.2.1', '198.18.0.1', '64:ff9b::a00:1', '2002:a00:1::1', '2001::1'];

  it('allows public unicast addresses, IPv4-mapped ones included', () => {
    expect(publicAddresses.map((a) => refusedBecause(a, false))).toEqual(publicAddresses.map(() => null));
  });

  it('refuses loopback, private, CGNAT, link-local and unique-local, v4, v6 and IPv4-mapped', () => {
    for (const address of local) expect(refusedBecause(address, false), address).toMatch(/ is (loopback|private|carrierGradeNat|linkLocal|uniqueLocal)$/);
  });

  it('allows the local ranges when local targets are allowed (embedded mode), link-local excepted', () => {
    const allowed = local.filter((a) => !linkLocal.includes(a));
    expect(allowed.map((a) => refusedBecause(a, true))).toEqual(allowed.map(() => null));
  });

  it('refuses link-local (the cloud metadata endpoint 169.254.169.254) even when local targets are allowed', () => {
    for (const address of linkLocal) expect(refusedBecause(address, true), address).toMatch(/ is linkLocal$/);
  });

  it('refuses unspecified, multicast, broadcast, reserved and v4-embedding v6 ranges even then', () => {
    for (const address of never) {
      expect(refusedBecause(address, true), address).not.toBeNull();
      expect(refusedBecause(address, false), address).not.toBeNull();
    }
  });

  it('names the mapped IPv4 address it judged', () => {
    expect(refusedBecause('::ffff:192.168.0.9', false)).toBe('192.168.0.9 is private');
  });
});
