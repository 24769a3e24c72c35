import { randomUUID } from 'node:crypto';
import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { issueAccessToken, loadSigningKeys, type SigningKeys } from '@mindflow/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../src/index.js';
import { ensurePlaygroundBundle } from '../tools/playground-bundle.js';
import { createTestReadDb, seedJournalWithEntries, type TestReadDb } from './read-db.js';
import { startSubgraphProcess, type SubgraphProcess } from './subgraph-process.js';

// The gateway in front of the real query subgraph process and a real read DB: nothing faked.

const secret = 'gateway-int-test-internal-secret';
const alice = randomUUID();
const bob = randomUUID();
let keys: SigningKeys;
let db: TestReadDb;
let subgraph: SubgraphProcess;
let gateway: RunningGateway;
let aliceJournal: string;
let bobJournal: string;

const token = async (userId: string, signing = keys) => (await issueAccessToken({ userId, roles: ['user'] }, signing)).token;

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: res.status, headers: res.headers, ...json };
}

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const pem = { AUTH_PRIVATE_KEY: await exportPKCS8(pair.privateKey), AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey) };
  keys = await loadSigningKeys(pem);
  db = await createTestReadDb();
  aliceJournal = await seedJournalWithEntries(db.pool, alice, 'Alice days', ['second', 'first']);
  bobJournal = await seedJournalWithEntries(db.pool, bob, 'Bob secrets', ['hidden']);
  subgraph = await startSubgraphProcess('services/query/src/subgraph-main.ts', 'QUERY_SUBGRAPH_PORT', {
    READ_DATABASE_URL: db.url,
    INTERNAL_CALLER_SECRET: secret,
    CONSISTENCY_WAIT_MS: '400',
    COMMAND_GRPC_ADDRESS: '127.0.0.1:1',
  });
  gateway = await startGateway({
    GATEWAY_PORT: 0,
    QUERY_SUBGRAPH_URL: subgraph.url,
    AUTH_PUBLIC_KEY: pem.AUTH_PUBLIC_KEY,
    INTERNAL_CALLER_SECRET: secret,
    GATEWAY_MAX_BODY_BYTES: 4_096,
    GATEWAY_MAX_DEPTH: 8,
  });
});

afterAll(async () => {
  await gateway?.close();
  await subgraph?.stop();
  await db?.drop();
});

const journalQuery = 'query ($id: ID!) { journal(id: $id) { name entries { edges { node { title } } } } }';

describe('gateway → query subgraph', () => {
  it('answers a journal with its entries for its owner', async () => {
    const res = await post({ query: journalQuery, variables: { id: aliceJournal } }, { authorization: `Bearer ${await token(alice)}` });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      journal: { name: 'Alice days', entries: { edges: [{ node: { title: 'second' } }, { node: { title: 'first' } }] } },
    });
  });

  it("answers null for another user's journal", async () => {
    const res = await post({ query: journalQuery, variables: { id: bobJournal } }, { authorization: `Bearer ${await token(alice)}` });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ journal: null });
  });

  it('answers a custom scalar the subgraph cannot coerce (a day-first Date) with BAD_USER_INPUT, never an internal error', async () => {
    // The subgraph answers 400 (GraphQL over HTTP, Apollo Server's default); the gateway passes its errors on.
    const res = await post(
      { query: 'query ($from: Date) { tasks(from: $from) { edges { node { id } } } }', variables: { from: '30/01/2031' } },
      { authorization: `Bearer ${await token(alice)}` },
    );
    expect(res.status).toBe(200);
    expect(res.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.message).toMatch(/\$from/);
  });

  it('echoes a sane correlation id and makes one up otherwise', async () => {
    const auth = { authorization: `Bearer ${await token(alice)}` };
    const given = await post({ query: '{ journals { totalCount } }' }, { ...auth, 'x-correlation-id': 'trace-me-42' });
    expect(given.headers.get('x-correlation-id')).toBe('trace-me-42');
    const made = await post({ query: '{ journals { totalCount } }' }, auth);
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('forwards x-consistent-with, so a subgraph can wait for (or time out on) a write', async () => {
    const notYet = Buffer.from(`${aliceJournal}:2`).toString('base64url');
    const res = await post(
      { query: journalQuery, variables: { id: aliceJournal } },
      { authorization: `Bearer ${await token(alice)}`, 'x-consistent-with': notYet },
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('CONSISTENCY_TIMEOUT');
  });
});

describe('authentication', () => {
  it('refuses a tampered token', async () => {
    const [header, payload, signature] = (await token(alice)).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: bob })).toString('base64url');
    const res = await post({ query: journalQuery, variables: { id: bobJournal } }, { authorization: `Bearer ${header}.${forged}.${signature}` });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a token signed by another key, and a malformed header', async () => {
    const otherKeys = await loadSigningKeys(await (async () => {
      const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
      return { AUTH_PRIVATE_KEY: await exportPKCS8(pair.privateKey), AUTH_PUBLIC_KEY: await exportSPKI(pair.publicKey) };
    })());
    for (const authorization of [`Bearer ${await token(alice, otherKeys)}`, 'Basic dXNlcjpwYXNz']) {
      const res = await post({ query: '{ journals { totalCount } }' }, { authorization });
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses operations without a token, but serves introspection', async () => {
    const res = await post({ query: '{ journals { totalCount } }' });
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const schema = await post({ query: '{ __schema { queryType { name } } }' });
    expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('limits', () => {
  it('refuses a query deeper than the limit with QUERY_TOO_COMPLEX', async () => {
    const deep = `query ($id: ID!) { journal(id: $id) { entries { edges { node { journal { entries { edges { node { title } } } } } } } } }`;
    const res = await post({ query: deep, variables: { id: aliceJournal } }, { authorization: `Bearer ${await token(alice)}` });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a body over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const res = await post({ query: `{ journals { totalCount } } # ${'x'.repeat(8_000)}` }, { authorization: `Bearer ${await token(alice)}` });
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions?.['code']).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('playground', () => {
  it('is GraphiQL bundled and served from here, under a CSP that allows only scripts carrying its nonce', async () => {
    await ensurePlaygroundBundle(); // once per change of its sources (nx build and npm start run it too)
    const base = gateway.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/playground`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'(;|$)/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toMatch(/default-src 'none'/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//); // no CDN, nothing from elsewhere
    const scripts = [...html.matchAll(/<script type="module" nonce="([^"]+)" src="([^"]+)"/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe(nonce);
    const assets = [scripts[0]![2]!, ...[...html.matchAll(/<link rel="stylesheet" nonce="[^"]+" href="([^"]+)"/g)].map((m) => m[1]!)];
    for (const path of assets) {
      const asset = await fetch(`${base}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(path.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    }
    expect((await fetch(`${base}/playground/assets/..%2f..%2fsupergraph.graphql`)).status).toBe(404);
  }, 180_000);
});
