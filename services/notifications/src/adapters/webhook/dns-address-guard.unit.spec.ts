import { describe, expect, it } from 'vitest';
import { dnsAddressGuard, type Resolver } from './dns-address-guard.js';

const zone: Record<string, { address: string; family: number }[]> = {
  'hooks.example.com': [{ address: '93.184.215.14', family: 4 }],
  'intranet.example.com': [{ address: '10.0.0.7', family: 4 }],
  'mixed.example.com': [{ address: '93.184.215.14', family: 4 }, { address: '192.168.0.2', family: 4 }],
  'v6.example.com': [{ address: '2606:4700::6810:84e5', family: 6 }],
  'mapped.example.com': [{ address: '::ffff:127.0.0.1', family: 6 }],
};
const asked: string[] = [];
const resolve: Resolver = (host) => {
  asked.push(host);
  const answer = zone[host];
  return answer ? Promise.resolve(answer) : Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' }));
};
const guard = dnsAddressGuard({ allowLocal: false, resolve });

describe('dnsAddressGuard', () => {
  it('answers the address a public name resolves to, to connect to it', async () => {
    expect(await guard.check(new URL('https://hooks.example.com/in'))).toEqual({ ok: true, address: '93.184.215.14', family: 4, all: [{ address: '93.184.215.14', family: 4 }] });
    expect(await guard.check(new URL('https://v6.example.com/in'))).toEqual({ ok: true, address: '2606:4700::6810:84e5', family: 6, all: [{ address: '2606:4700::6810:84e5', family: 6 }] });
  });

  it('refuses a name pointing at a private address, and one with any private address among its answers', async () => {
    expect(await guard.check(new URL('https://intranet.example.com/'))).toEqual({ ok: false, cause: 'not-allowed', reason: 'intranet.example.com resolves to a non-public address (10.0.0.7 is private)' });
    expect(await guard.check(new URL('https://mixed.example.com/'))).toMatchObject({ ok: false, reason: expect.stringContaining('192.168.0.2 is private') });
    expect(await guard.check(new URL('https://mapped.example.com/'))).toMatchObject({ ok: false, reason: expect.stringContaining('127.0.0.1 is loopback') });
  });

  it('resolves on every check (a name rebound to a private address since is refused)', async () => {
    asked.length = 0;
    await guard.check(new URL('https://hooks.example.com/'));
    await guard.check(new URL('https://hooks.example.com/'));
    expect(asked).toEqual(['hooks.example.com', 'hooks.example.com']);
  });

  it('judges IP literals without resolving them', async () => {
    asked.length = 0;
    expect(await guard.check(new URL('http://[::1]:8080/'))).toMatchObject({ ok: false, reason: expect.stringContaining('::1 is loopback') });
    expect(await guard.check(new URL('http://169.254.169.254/latest/meta-data'))).toMatchObject({ ok: false });
    expect(await guard.check(new URL('https://1.1.1.1/'))).toEqual({ ok: true, address: '1.1.1.1', family: 4, all: [{ address: '1.1.1.1', family: 4 }] });
    expect(asked).toEqual([]);
  });

  it('refuses names that do not resolve and schemes other than http(s)', async () => {
    expect(await guard.check(new URL('https://nowhere.example.com/'))).toEqual({ ok: false, cause: 'unresolved', reason: 'cannot resolve nowhere.example.com (ENOTFOUND)' });
    expect(await guard.check(new URL('ftp://hooks.example.com/'))).toEqual({ ok: false, cause: 'not-allowed', reason: 'unsupported scheme ftp:' });
  });

  it('allows loopback and private targets when told to (MINDFLOW_WEBHOOK_ALLOW_LOOPBACK)', async () => {
    const local = dnsAddressGuard({ allowLocal: true, resolve });
    expect(await local.check(new URL('https://intranet.example.com/'))).toEqual({ ok: true, address: '10.0.0.7', family: 4, all: [{ address: '10.0.0.7', family: 4 }] });
    expect(await local.check(new URL('http://127.0.0.1:9000/'))).toEqual({ ok: true, address: '127.0.0.1', family: 4, all: [{ address: '127.0.0.1', family: 4 }] });
  });
});
