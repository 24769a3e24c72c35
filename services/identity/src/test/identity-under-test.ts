import { signCaller, callerHeader, clientAddressHeader, loadPublicKey, signClientAddress, verifyAccessToken } from '@mindflow/auth';
import { createTestDatabase, testServers, uniqueRedisPrefix, type TestDatabase } from '@mindflow/testing';
import { createLogger, type Mode } from '@mindflow/platform';
import { decodeJwt } from 'jose';
import { identityConfigSchema } from '../identity-config.js';
import { startIdentityService, type IdentityDependencies, type RunningIdentityService } from '../identity-service.js';
import { sessionHeader } from '../subgraph/context.js';
import { refreshTokenFrom } from '../subgraph/refresh-cookie.js';
import { TestClock } from './test-clock.js';

export const callerSecret = 'identity-int-test-internal-secret';

export interface IdentityUnderTest {
  readonly service: RunningIdentityService;
  readonly clock: TestClock;
  readonly db: TestDatabase;
  readonly redisPrefix: string;
  stop(): Promise<void>;
}

/**
 * The real identity service on a fresh database (and, distributed, real Redis under a unique prefix),
 * with a clock the test moves. Servers come from @mindflow/testing: a missing one fails the suite.
 */
export async function startIdentityUnderTest(
  mode: Mode,
  label: string,
  env: Record<string, string> = {},
  dependencies: Pick<IdentityDependencies, 'dataKeys'> = {},
): Promise<IdentityUnderTest> {
  const servers = await testServers();
  const db = await createTestDatabase(`identity-${label}`);
  const redisPrefix = uniqueRedisPrefix(`identity-${label}`);
  const clock = new TestClock();
  const config = identityConfigSchema.parse({
    MINDFLOW_MODE: mode,
    IDENTITY_DATABASE_URL: db.url,
    IDENTITY_PORT: '0',
    REDIS_URL: mode === 'distributed' ? await servers.redisUrl() : 'redis://127.0.0.1:1',
    REDIS_KEY_PREFIX: redisPrefix,
    INTERNAL_CALLER_SECRET: callerSecret,
    LOG_LEVEL: 'silent',
    // Reading the event log is erasure-receipts.int.spec.ts's business; the others leave it off.
    IDENTITY_ERASURE_RECEIPTS: 'false',
    ...env,
  });
  const service = await startIdentityService(config, { now: clock.now, log: createLogger('identity-test', 'silent'), ...dependencies });
  return {
    service,
    clock,
    db,
    redisPrefix,
    async stop() {
      await service.close();
      await db.drop();
    },
  };
}

export interface GraphQLAnswer<T> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; extensions?: Record<string, unknown> }[];
  readonly setCookie: string[];
}

/**
 * Talks to the identity subgraph the way the gateway does: verifies the access token, then sends the
 * signed caller and the token's `sid`, and passes the refresh cookie along. Keeps the cookie like a browser.
 */
export class SubgraphClient {
  refreshToken: string | undefined;
  accessToken: string | undefined;

  /**
   * `clientAddress`: the client's address, signed as the gateway does (omitted: identity counts the socket's
   * peer, as for any direct call). `headers`: anything else a caller might send, forged headers included.
   */
  constructor(
    private readonly identity: IdentityUnderTest,
    private readonly options: { clientAddress?: string; headers?: Record<string, string> } = {},
  ) {}

  async send<T>(query: string, variables: Record<string, unknown> = {}, options: { cookie?: string | null } = {}): Promise<GraphQLAnswer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'identity-int-test', ...this.options.headers };
    if (this.options.clientAddress) headers[clientAddressHeader] = signClientAddress(this.options.clientAddress, callerSecret);
    if (this.accessToken) {
      const verified = await verifyAccessToken(this.accessToken, { publicKey: await loadPublicKey({}) }, this.identity.clock.now());
      headers[callerHeader] = signCaller({ userId: verified.userId, roles: verified.roles }, callerSecret);
      headers[sessionHeader] = String(decodeJwt(this.accessToken)['sid']);
    }
    const cookie = options.cookie === undefined ? this.refreshToken : options.cookie;
    if (cookie) headers['cookie'] = `theme=dark; mindflow_refresh=${cookie}`;
    const res = await fetch(this.identity.service.subgraphUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const setCookie = res.headers.getSetCookie();
    for (const value of setCookie) {
      const token = refreshTokenFrom(value.split(';')[0]);
      this.refreshToken = token;
    }
    const json = (await res.json()) as Omit<GraphQLAnswer<T>, 'status' | 'setCookie'>;
    return { status: res.status, setCookie, ...json };
  }

  /** A request that must succeed. */
  async data<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await this.send<T>(query, variables);
    if (answer.errors?.length || !answer.data) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }
}

export const operations = {
  register: /* GraphQL */ `mutation ($email: String!, $password: String!, $name: String) {
    register(email: $email, password: $password, name: $name) { accessToken expiresAt user { id email name roles } } }`,
  login: /* GraphQL */ `mutation ($email: String!, $password: String!) {
    login(email: $email, password: $password) { accessToken expiresAt user { id email roles } } }`,
  refresh: /* GraphQL */ 'mutation { refreshSession { accessToken expiresAt user { id email } } }',
  logout: /* GraphQL */ 'mutation ($everywhere: Boolean) { logout(everywhere: $everywhere) }',
  me: /* GraphQL */ '{ me { id email name roles } }',
  deleteAccount: /* GraphQL */ 'mutation ($password: String!) { deleteAccount(password: $password) }',
};

export interface SignedIn {
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly user: { id: string; email: string; name?: string | null; roles: string[] };
}
