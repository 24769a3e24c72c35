import { describe, expect, it } from 'vitest';
import { dnsAddressGuard } from './dns-address-guard.js';

// The system resolver (/etc/hosts, then DNS): a real name that resolves to a loopback address.
describe('dnsAddressGuard with the system resolver', () => {
  it('refuses localhost, a DNS name pointing at 127.0.0.1 / ::1', async () => {
    const answer = await dnsAddressGuard({ allowLocal: false }).check(new URL('http://localhost:8080/hook'));
    expect(answer).toMatchObject({ ok: false, reason: expect.stringMatching(/^localhost resolves to a non-public address \((127\.0\.0\.1|::1) is loopback\)$/) });
  });

  it('lets it through, pinned to its loopback address, when loopback targets are allowed', async () => {
    const answer = await dnsAddressGuard({ allowLocal: true }).check(new URL('http://localhost:8080/hook'));
    expect(answer).toMatchObject({ ok: true, address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) });
  });
});
