import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { createTestReadDb, type TestReadDb } from './read-db.js';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process.js';

// The gateway in front of the real identity and query processes: sign-in mutations pass without a token,
// the refresh cookie travels both ways, tokens are verified with identity's JWKS, and a logged-out
// session's token is refused at once.

const secret = 'gateway-identity-int-test-secret';
const password = 'correct horse battery staple';
let identityDb: TestDatabase;
let readDb: TestReadDb;
let identity: SubgraphProcess;
let query: SubgraphProcess;
let gateway: RunningGateway;
/** The same system behind a proxy of ours (loopback, the test's own address): the client is the last X-Forwarded-For hop. */
let behindProxy: RunningGateway;

interface Answer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  setCookie: string[];
}

async function post<T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, via = gateway): Promise<Answer<T>> {
  const res = await fetch(via.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, setCookie: res.headers.getSetCookie(), ...((await res.json()) as object) };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const cookieOf = (answer: Answer<unknown>) => answer.setCookie[0]?.split(';')[0] ?? '';
const register = 'mutation ($email: String!, $password: String!) { register(email: $email, password: $password) { accessToken expiresAt user { id email roles } } }';
const login = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';
const refresh = 'mutation { refreshSession { accessToken user { id } } }';
const logout = 'mutation ($everywhere: Boolean) { logout(everywhere: $everywhere) }';
const me = '{ me { id email roles journals { totalCount } } }';

interface Registered { register: { accessToken: string; expiresAt: string; user: { id: string; email: string; roles: string[] } } }

async function newAccount() {
  const email = `gw-${randomUUID().slice(0, 8)}@example.com`;
  const answer = await post<Registered>(register, { email, password });
  expect(answer.errors).toBeUndefined();
  return { email, token: answer.data!.register.accessToken, user: answer.data!.register.user, cookie: cookieOf(answer), answer };
}

beforeAll(async () => {
  [identityDb, readDb] = await Promise.all([createTestDatabase('gateway-identity'), createTestReadDb()]);
  [identity, query] = await Promise.all([
    startSubgraphProcess('services/identity/src/main.ts', 'IDENTITY_PORT', { IDENTITY_DATABASE_URL: identityDb.url, INTERNAL_CALLER_SECRET: secret }),
    startSubgraphProcess('services/query/src/subgraph-main.ts', 'QUERY_SUBGRAPH_PORT', {
      READ_DATABASE_URL: readDb.url,
      INTERNAL_CALLER_SECRET: secret,
      COMMAND_GRPC_ADDRESS: '127.0.0.1:1',
    }),
  ]);
  const origin = new URL(identity.url).origin;
  const config = {
    GATEWAY_PORT: 0,
    QUERY_SUBGRAPH_URL: query.url,
    IDENTITY_SUBGRAPH_URL: identity.url,
    AUTH_JWKS_URL: `${origin}/.well-known/jwks.json`,
    AUTH_SESSIONS_URL: `${origin}/internal/sessions`,
    INTERNAL_CALLER_SECRET: secret,
  };
  [gateway, behindProxy] = await Promise.all([startGateway(config), startGateway({ ...config, GATEWAY_TRUSTED_PROXIES: '127.0.0.1, ::1' })]);
});

afterAll(async () => {
  await Promise.all([gateway?.close(), behindProxy?.close()]);
  await Promise.all([identity?.stop(), query?.stop()]);
  await Promise.all([identityDb?.drop(), readDb?.drop()]);
});

describe('gateway → identity', () => {
  it('registers without a token and hands the refresh cookie to the client', async () => {
    const { answer, user, token } = await newAccount();
    expect(user.roles).toEqual(['user']);
    expect(answer.setCookie).toEqual([expect.stringMatching(/^mindflow_refresh=[\w-]{43}; Max-Age=\d+; Path=\/graphql; HttpOnly; Secure; SameSite=Strict$/)]);
    expect(decodeJwt(token)).toMatchObject({ sub: user.id, iss: 'mindflow', sid: expect.any(String) });
  });

  it('verifies the token with the JWKS and resolves me across identity and query', async () => {
    const { token, user, email } = await newAccount();
    const answer = await post(me, {}, bearer(token));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ me: { id: user.id, email, roles: ['user'], journals: { totalCount: 0 } } });
  });

  it('logs in without a token, and ignores a stale token sent along with a sign-in mutation', async () => {
    const { email } = await newAccount();
    const fresh = await post<{ login: { accessToken: string } }>(login, { email, password }, bearer('not.a.token'));
    expect(fresh.errors).toBeUndefined();
    expect(fresh.setCookie).toHaveLength(1);
    const wrong = await post(login, { email, password: 'wrong password!' });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refreshes through the cookie: new token, new cookie, the old cookie spent', async () => {
    const { cookie, user } = await newAccount();
    const refreshed = await post<{ refreshSession: { accessToken: string; user: { id: string } } }>(refresh, {}, { cookie });
    expect(refreshed.errors).toBeUndefined();
    expect(refreshed.data!.refreshSession.user.id).toBe(user.id);
    expect(cookieOf(refreshed)).not.toBe(cookie);
    expect((await post(me, {}, bearer(refreshed.data!.refreshSession.accessToken))).errors).toBeUndefined();
    const reused = await post(refresh, {}, { cookie });
    expect(reused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(reused.setCookie).toEqual([expect.stringMatching(/^mindflow_refresh=; Max-Age=0;/)]);
  });

  it('refuses the access token at once after logout', async () => {
    const { token, cookie } = await newAccount();
    expect((await post(me, {}, bearer(token))).errors).toBeUndefined();
    const out = await post(logout, {}, { ...bearer(token), cookie });
    expect(out.data).toEqual({ logout: true });
    const after = await post(me, {}, bearer(token));
    expect(after.status).toBe(401);
    expect(after.errors?.[0]).toMatchObject({ message: 'session ended: sign in again', extensions: { code: 'UNAUTHENTICATED' } });
    expect((await post(refresh, {}, { cookie })).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('logs out everywhere: the tokens of every session are refused', async () => {
    const { token, email } = await newAccount();
    const other = await post<{ login: { accessToken: string } }>(login, { email, password });
    expect((await post(logout, { everywhere: true }, bearer(token))).data).toEqual({ logout: true });
    for (const t of [token, other.data!.login.accessToken]) expect((await post(me, {}, bearer(t))).status).toBe(401);
  });

  it('still refuses everything else without a token, sign-in mutations mixed with others included', async () => {
    expect((await post(me)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const mixed = await post(`mutation { logout createJournal(input: { name: "x" }) { consistencyToken } }`);
    expect(mixed.status).toBe(401);
  });

  describe('login limits per client', () => {
    const wrongFiveTimes = async (email: string, headers: (i: number) => Record<string, string>, via = gateway) => {
      for (let i = 1; i <= 5; i += 1) {
        expect((await post(login, { email, password: `wrong password #${i}` }, headers(i), via)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      }
    };
    const codeOf = (answer: Answer<unknown>) => answer.errors?.[0]?.extensions?.['code'] ?? 'OK';

    it('lets another client sign in to an account that a first client hammered', async () => {
      const { email } = await newAccount();
      await wrongFiveTimes(email, () => ({ 'x-forwarded-for': '203.0.113.50' }), behindProxy);
      expect(codeOf(await post(login, { email, password }, { 'x-forwarded-for': '203.0.113.50' }, behindProxy))).toBe('RATE_LIMITED');
      expect(codeOf(await post(login, { email, password }, { 'x-forwarded-for': '198.51.100.50' }, behindProxy))).toBe('OK');
      // A hop the client wrote itself, left of the proxy's, changes nothing.
      expect(codeOf(await post(login, { email, password }, { 'x-forwarded-for': '192.0.2.1, 203.0.113.50' }, behindProxy))).toBe('RATE_LIMITED');
    });

    it('trusts no X-Forwarded-For by default: a client cannot dodge its limit by writing one', async () => {
      const { email } = await newAccount();
      await wrongFiveTimes(email, (i) => ({ 'x-forwarded-for': `203.0.113.${60 + i}` }));
      expect(codeOf(await post(login, { email, password }, { 'x-forwarded-for': '198.51.100.60' }))).toBe('RATE_LIMITED');
      expect(codeOf(await post(login, { email, password }, { 'x-mindflow-client': '198.51.100.60' }))).toBe('RATE_LIMITED');
    });
  });
});
