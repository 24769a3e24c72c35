// Issue 7, security: forged, expired and ended access tokens; subgraphs called around the gateway;
// refresh-token reuse; login brute force and user enumeration. Each refused clearly, nothing leaks.
import { callerHeader, clientAddressHeader, devCallerSecret, signCaller, signClientAddress } from '@mindflow/auth';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayClient } from '../e2e/gateway-client.js';
import { closeOnInit } from '../e2e/subscription-client.js';
import { forgedTokens, garbledAuthorization } from './test/forged-tokens.js';
import { password, startSecuritySystem, type SecuritySystem, type SignedInUser } from './test/security-system.js';

interface Exchange { status: number; setCookie: string[]; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] } }

async function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Exchange> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  return { status: res.status, setCookie: res.headers.getSetCookie(), body: text ? (JSON.parse(text) as Exchange['body']) : {} };
}

const journals = '{ journals { totalCount edges { node { id name } } } }';
const login = 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
const refresh = 'mutation { refreshSession { accessToken user { id } } }';

describe('tokens, sessions and sign-in', () => {
  let sys: SecuritySystem;
  let alice: SignedInUser;
  let bob: SignedInUser;

  beforeAll(async () => {
    // The suite's own address (loopback) is a trusted proxy, as a load balancer of a deployment would be:
    // X-Forwarded-For's last hop plays the client's address, so the suite can be several clients.
    sys = await startSecuritySystem('security-tokens', { GATEWAY_TRUSTED_PROXIES: '127.0.0.1, ::1' });
    [alice, bob] = await Promise.all([sys.register('alice'), sys.register('bob')]);
    const created = await alice.client.data<{ createJournal: { consistencyToken: string } }>(
      'mutation { createJournal(input: { name: "Alice only" }) { consistencyToken } }');
    // On the read side before anything reads it: a missing journal is then a refusal, never a lag.
    await alice.client.data(journals, {}, { 'x-consistent-with': created.createJournal.consistencyToken });
  });
  afterAll(async () => sys?.stop());

  function expectUnauthenticated(res: Exchange, label: string): void {
    expect(res.status, label).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.['code'], label).toBe('UNAUTHENTICATED');
    expect(res.body.data ?? null, label).toBeNull();
    expect(JSON.stringify(res.body), label).not.toContain('Alice only');
  }

  describe('access tokens', () => {
    it('accepts the real token (the control for every refusal below)', async () => {
      const res = await post(sys.gatewayUrl, journals, {}, { authorization: `Bearer ${alice.accessToken}` });
      expect(res.body.data).toMatchObject({ journals: { totalCount: 1 } });
    });

    it('refuses every forgery of a token over HTTP and WebSocket: tampered, alg none, HS256, another key, expired, wrong issuer, no expiry', async () => {
      const forged = await forgedTokens(bob.accessToken, alice.id);
      for (const [label, token] of Object.entries(forged)) {
        expectUnauthenticated(await post(sys.gatewayUrl, journals, {}, { authorization: `Bearer ${token}` }), label);
        expect((await closeOnInit(sys.gatewayUrl, { authorization: `Bearer ${token}` })).code, label).toBe(4401);
      }
      const expired = await post(sys.gatewayUrl, journals, {}, { authorization: `Bearer ${forged['expired']}` });
      expect(expired.body.errors?.[0]?.message).toBe('token expired');
    });

    it('refuses a missing or garbled Authorization header, and an oversized one without falling over', async () => {
      expectUnauthenticated(await post(sys.gatewayUrl, journals), 'no header');
      for (const [label, value] of Object.entries(garbledAuthorization)) {
        expectUnauthenticated(await post(sys.gatewayUrl, journals, {}, { authorization: value }), label);
      }
      // Past Node's header limit the server answers 431 before any of our code runs.
      const huge = await fetch(sys.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(64_000)}` }, body: '{}' });
      expect(huge.status).toBe(431);
      expect(await sys.gatewayAnswers()).toBe(true);
    });

    it("refuses a logged-out session's token at once, over HTTP and WebSocket", async () => {
      const carol = await sys.register('carol');
      expect((await carol.client.request('mutation { logout }')).data).toEqual({ logout: true });
      const res = await post(sys.gatewayUrl, journals, {}, { authorization: `Bearer ${carol.accessToken}` });
      expectUnauthenticated(res, 'logged out');
      expect(res.body.errors?.[0]?.message).toBe('session ended: sign in again');
      expect((await closeOnInit(sys.gatewayUrl, { authorization: `Bearer ${carol.accessToken}` })).code).toBe(4401);
    });
  });

  describe('subgraphs called around the gateway', () => {
    const caller = () => ({ userId: alice.id, roles: ['user'] });
    const forgedCallers = () => {
      const real = signCaller({ userId: bob.id, roles: ['user'] }, devCallerSecret);
      const [, mac] = real.split('.');
      const body = Buffer.from(JSON.stringify({ ...caller(), exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
      return {
        'no header': undefined,
        'signed with another secret': signCaller(caller(), 'not-the-secret'),
        "another caller's signature": `${body}.${mac}`,
        'expired': signCaller(caller(), devCallerSecret, 60, new Date(Date.now() - 3_600_000)),
        'unsigned': `${body}.`,
        'garbage': 'x.y.z',
      };
    };
    const direct = (url: string, query: string, header: string | undefined, extra: Record<string, string> = {}, variables: Record<string, unknown> = {}) =>
      post(url, query, variables, { ...(header === undefined ? {} : { [callerHeader]: header }), ...extra });

    it('the query subgraph refuses a request without a valid caller header, _entities included', async () => {
      const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Journal { name } } }';
      const { journals: { edges } } = await alice.client.data<{ journals: { edges: { node: { id: string } }[] } }>(journals);
      const representations = { r: [{ __typename: 'Journal', id: edges[0]!.node.id }] };
      for (const [label, header] of Object.entries(forgedCallers())) {
        for (const query of [journals, entities]) {
          const res = await direct(sys.querySubgraphUrl, query, header, {}, representations);
          expect(res.body.errors?.[0]?.extensions?.['code'], `${label}: ${query}`).toBe('UNAUTHENTICATED');
          expect(JSON.stringify(res.body), label).not.toContain('Alice only');
        }
      }
      // Control: the secret the system runs with (the dev default here) is what vouches for a caller.
      const vouched = await direct(sys.querySubgraphUrl, entities, signCaller(caller(), devCallerSecret), {}, representations);
      expect(vouched.body.data).toEqual({ _entities: [{ name: 'Alice only' }] });
      // The one open query is the schema, for composition.
      const sdl = await direct(sys.querySubgraphUrl, '{ _service { sdl } }', undefined);
      expect(sdl.body.data?.['_service']).toEqual({ sdl: expect.stringContaining('type Journal') });
    });

    it("the identity subgraph refuses me and _entities without a valid caller, and ignores a session header that comes without one", async () => {
      const entities = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }';
      for (const [label, header] of Object.entries(forgedCallers())) {
        for (const query of ['{ me { email } }', entities]) {
          const res = await direct(sys.identitySubgraphUrl, query, header, {}, { r: [{ __typename: 'User', id: alice.id }] });
          expect(res.body.errors?.[0]?.extensions?.['code'], `${label}: ${query}`).toBe('UNAUTHENTICATED');
          expect(JSON.stringify(res.body), label).not.toContain(alice.email);
        }
      }
      // Naming Alice's session without a caller vouched for does not log her out.
      const sid = String(decodeJwt(alice.accessToken)['sid']);
      await direct(sys.identitySubgraphUrl, 'mutation { logout(everywhere: true) }', undefined, { 'x-mindflow-session': sid });
      await direct(sys.identitySubgraphUrl, 'mutation { logout(everywhere: true) }', forgedCallers()['signed with another secret'], { 'x-mindflow-session': sid });
      expect(await alice.client.data('{ me { id } }')).toEqual({ me: { id: alice.id } });
    });
  });

  describe('refresh tokens', () => {
    it('a reused refresh token ends its whole family: the rotated cookie and every access token of the session', async () => {
      const dave = await sys.register('dave');
      const first = await post(sys.gatewayUrl, refresh, {}, { cookie: dave.cookie });
      expect(first.body.errors).toBeUndefined();
      const rotatedCookie = first.setCookie[0]!.split(';')[0]!;
      const rotatedToken = (first.body.data!['refreshSession'] as { accessToken: string }).accessToken;
      expect(rotatedCookie).not.toBe(dave.cookie);

      // The spent cookie again (stolen, replayed): refused, and the session is over for everyone holding it.
      const replay = await post(sys.gatewayUrl, refresh, {}, { cookie: dave.cookie });
      expect(replay.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(replay.body.data ?? null).toBeNull();
      const afterReplay = await post(sys.gatewayUrl, refresh, {}, { cookie: rotatedCookie });
      expect(afterReplay.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      for (const token of [dave.accessToken, rotatedToken]) {
        expectUnauthenticated(await post(sys.gatewayUrl, journals, {}, { authorization: `Bearer ${token}` }), 'token of the ended family');
      }
      // Other users' sessions are untouched.
      expect(await alice.client.data('{ me { id } }')).toEqual({ me: { id: alice.id } });
    });
  });

  describe('login brute force', () => {
    const asClient = (address: string) => ({ 'x-forwarded-for': address });
    const codeOf = (res: Exchange) => res.body.errors?.[0]?.extensions?.code ?? 'OK';

    it('refuses a client after 5 failures at one address (in any letter case) with RATE_LIMITED, even for the right password', async () => {
      const erin = await sys.register('erin');
      const variants = [erin.email, erin.email.toUpperCase(), ` ${erin.email}`, erin.email, erin.email];
      for (const [i, email] of variants.entries()) {
        const res = await post(sys.gatewayUrl, login, { e: email, p: `guess number ${i}` }, asClient('203.0.113.7'));
        expect(res.body.errors?.[0]).toMatchObject({ message: 'invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
      }
      const locked = await post(sys.gatewayUrl, login, { e: erin.email, p: password }, asClient('203.0.113.7'));
      expect(locked.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(locked.body.data ?? null).toBeNull();
      expect(locked.setCookie).toEqual([]);
      // The limit is on that client, not the account's sessions: erin's own session goes on.
      expect(await erin.client.data('{ me { id } }')).toEqual({ me: { id: erin.id } });
    });

    it('does not lock anyone out: another client signs in to the account a first client hammered', async () => {
      const gina = await sys.register('gina');
      for (let i = 0; i < 6; i += 1) await post(sys.gatewayUrl, login, { e: gina.email, p: `guess number ${i}` }, asClient('203.0.113.8'));
      expect(codeOf(await post(sys.gatewayUrl, login, { e: gina.email, p: password }, asClient('203.0.113.8')))).toBe('RATE_LIMITED');

      const owner = await post(sys.gatewayUrl, login, { e: gina.email, p: password }, asClient('198.51.100.8'));
      expect(codeOf(owner)).toBe('OK');
      expect(owner.setCookie).toHaveLength(1);
      // The client reached the gateway through the proxy; a hop it wrote itself before the proxy's is not read.
      expect(codeOf(await post(sys.gatewayUrl, login, { e: gina.email, p: password }, asClient('198.51.100.8, 203.0.113.8')))).toBe('RATE_LIMITED');
    });

    it('caps one client\'s failures across addresses (password spraying), and only that client', async () => {
      // The cap is 100 a day; a spray of 101 addresses from one client, answered alike for known and unknown ones.
      const target = await sys.register('spray');
      const answers: string[] = [];
      for (let i = 0; i < 100; i += 1) answers.push(codeOf(await post(sys.gatewayUrl, login, { e: `spray-${i}-${target.email}`, p: password }, asClient('203.0.113.9'))));
      expect(answers).toEqual(Array(100).fill('UNAUTHENTICATED'));
      expect(codeOf(await post(sys.gatewayUrl, login, { e: target.email, p: password }, asClient('203.0.113.9')))).toBe('RATE_LIMITED');
      expect(codeOf(await post(sys.gatewayUrl, login, { e: target.email, p: password }, asClient('198.51.100.9')))).toBe('OK');
    });

    it('believes no client address sent around the gateway: unsigned or forged, identity counts the socket', async () => {
      const hal = await sys.register('hal');
      const forged = (i: number) => ({
        [clientAddressHeader]: i % 2 === 0 ? `198.51.100.${i}` : signClientAddress(`198.51.100.${i}`, 'not-the-internal-secret'),
        'x-forwarded-for': `198.51.100.${i}`,
      });
      for (let i = 0; i < 5; i += 1) {
        expect(codeOf(await post(sys.identitySubgraphUrl, login, { e: hal.email, p: `guess ${i}` }, forged(i)))).toBe('UNAUTHENTICATED');
      }
      expect(codeOf(await post(sys.identitySubgraphUrl, login, { e: hal.email, p: password }, forged(42)))).toBe('RATE_LIMITED');
      // The gateway's clients are others: hal signs in through it.
      expect(codeOf(await post(sys.gatewayUrl, login, { e: hal.email, p: password }, asClient('198.51.100.10')))).toBe('OK');
    });

    it('answers an unknown address exactly like a wrong password, and limits it the same way', async () => {
      const known = (await sys.register('frank')).email;
      const unknown = `nobody-${known}`;
      for (let i = 0; i < 5; i += 1) {
        const [k, u] = await Promise.all([
          post(sys.gatewayUrl, login, { e: known, p: `wrong ${i}` }),
          post(sys.gatewayUrl, login, { e: unknown, p: `wrong ${i}` }),
        ]);
        expect({ status: u.status, body: u.body }).toEqual({ status: k.status, body: k.body });
      }
      const [k, u] = await Promise.all([post(sys.gatewayUrl, login, { e: known, p: 'x' }), post(sys.gatewayUrl, login, { e: unknown, p: 'x' })]);
      expect(u.body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
      expect({ status: u.status, body: u.body }).toEqual({ status: k.status, body: k.body });
    });
  });

  it('the gateway is still up after all of it', async () => {
    expect(await sys.gatewayAnswers()).toBe(true);
    expect(await new GatewayClient(sys.gatewayUrl).withToken(alice.accessToken).data('{ me { id } }')).toEqual({ me: { id: alice.id } });
  });
});
