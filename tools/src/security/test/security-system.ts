// The running system a security suite attacks: one embedded system per suite file, signed-in users made
// the way a real client makes them (register through the gateway: an identity token with a session and
// a refresh cookie), and the addresses of the parts only the gateway should talk to.
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import pg from 'pg';
import { identityDatabaseUrlFor, startSystem, type RunningSystem } from '../../system/index.js';
import { GatewayClient } from '../../e2e/gateway-client.js';

export const password = 'correct horse battery staple';

export interface SignedInUser {
  readonly id: string;
  readonly email: string;
  readonly accessToken: string;
  /** `mindflow_refresh=<token>` as a browser would send it back. */
  readonly cookie: string;
  readonly client: GatewayClient;
}

export interface SecuritySystem {
  readonly system: RunningSystem;
  readonly gatewayUrl: string;
  /** An anonymous client (no Authorization header). */
  readonly anonymous: GatewayClient;
  /** Subgraph URLs, normally reachable only by the gateway. */
  readonly querySubgraphUrl: string;
  readonly identitySubgraphUrl: string;
  register(label?: string): Promise<SignedInUser>;
  /** True while the gateway answers a trivial query (it did not crash or wedge). */
  gatewayAnswers(): Promise<boolean>;
  stop(): Promise<void>;
}

const registerMutation = `mutation ($email: String!, $password: String!) {
  register(email: $email, password: $password) { accessToken user { id email } } }`;

/** `extraEnv`: settings for every process of the system (e.g. `GATEWAY_TRUSTED_PROXIES` to play several clients). */
export async function startSecuritySystem(label: string, extraEnv: Record<string, string> = {}): Promise<SecuritySystem> {
  const [writeDb, readDb] = await Promise.all([createTestDatabase(`${label}-write`), createTestDatabase(`${label}-read`)]);
  const dropAll = () => dropDatabases(writeDb, readDb);
  let system: RunningSystem;
  try {
    system = await startSystem({
      mode: 'embedded',
      writeDatabaseUrl: writeDb.url,
      readDatabaseUrl: readDb.url,
      output: process.env['E2E_LOGS'] ? process.stderr : null,
      extraEnv,
    });
  } catch (error) {
    await dropAll();
    throw error;
  }
  const env = (service: string, name: string) => system.services.get(service)!.spec.env[name]!;
  const anonymous = new GatewayClient(system.gatewayUrl);
  return {
    system,
    gatewayUrl: system.gatewayUrl,
    anonymous,
    querySubgraphUrl: env('query-subgraph', 'QUERY_SUBGRAPH_URL'),
    identitySubgraphUrl: env('identity', 'IDENTITY_SUBGRAPH_URL'),
    async register(label = 'user') {
      const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
      const res = await fetch(system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: registerMutation, variables: { email, password } }),
      });
      const body = (await res.json()) as { data?: { register: { accessToken: string; user: { id: string } } }; errors?: unknown };
      if (!body.data) throw new Error(`register failed: ${JSON.stringify(body.errors)}`);
      const { accessToken, user } = body.data.register;
      const cookie = res.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      return { id: user.id, email, accessToken, cookie, client: anonymous.withToken(accessToken) };
    },
    async gatewayAnswers() {
      const res = await anonymous.request<{ __typename: string }>('{ __typename }').catch(() => undefined);
      return res?.data?.__typename === 'Query';
    },
    async stop() {
      await system.stop();
      await dropAll();
    },
  };
}

async function dropDatabases(writeDb: TestDatabase, readDb: TestDatabase): Promise<void> {
  const identityDb = new URL(identityDatabaseUrlFor(writeDb.url)).pathname.slice(1);
  const admin = new pg.Client({ connectionString: writeDb.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${identityDb}" WITH (FORCE)`).finally(() => admin.end());
  await Promise.all([writeDb.drop(), readDb.drop()]);
}
