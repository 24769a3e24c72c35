// Issue 7, security: the GraphQL layer abused — deep, aliased, duplicated, batched, oversized, cyclic and
// cost-heavy operations, cross-site GET/form posts and the introspection policy. Each gets the clear code of
// API.md (QUERY_TOO_COMPLEX, PAYLOAD_TOO_LARGE, …) before any subgraph is asked, and the gateway stays up.
import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecuritySystem, type SecuritySystem, type SignedInUser } from './test/security-system.js';

interface Answer { status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | unknown[] | null }

describe('GraphQL abuse', () => {
  let sys: SecuritySystem;
  let user: SignedInUser;

  beforeAll(async () => {
    sys = await startSecuritySystem('security-graphql');
    user = await sys.register('abuser');
  });
  afterAll(async () => sys?.stop());

  async function post(body: unknown, headers: Record<string, string> = {}, token: string | null = user.accessToken): Promise<Answer> {
    const res = await fetch(sys.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') || text.startsWith('[') ? (JSON.parse(text) as Answer['body']) : null };
  }
  const codeOf = (answer: Answer) => (answer.body as { errors?: { extensions?: { code?: string } }[] } | null)?.errors?.[0]?.extensions?.code;

  async function expectRefused(answer: Answer, code: string): Promise<void> {
    expect(codeOf(answer), JSON.stringify(answer.body).slice(0, 300)).toBe(code);
    expect(answer.status).toBeLessThan(500);
    expect((answer.body as { data?: unknown }).data ?? null).toBeNull();
    expect(await sys.gatewayAnswers()).toBe(true);
  }

  /** `entry { journal { entries { edges { node { journal { … } } } } } }`: four levels per step, about `depth` in all. */
  function deepQuery(depth: number): string {
    let selection = 'id';
    for (let level = 0; level < depth; level += 4) selection = `journal { entries(first: 1) { edges { node { ${selection} } } } }`;
    return `query ($id: ID!) { entry(id: $id) { ${selection} } }`;
  }

  it('refuses a 50-deep query, also built from fragments', async () => {
    await expectRefused(await post({ query: deepQuery(50), variables: { id: '00000000-0000-4000-8000-000000000000' } }), 'QUERY_TOO_COMPLEX');
    const fragments = Array.from({ length: 50 }, (_, i) => `fragment F${i} on Journal { entries(first: 1) { edges { node { journal { ${i < 49 ? `...F${i + 1}` : 'id'} } } } } }`).join('\n');
    await expectRefused(await post({ query: `{ journals(first: 1) { edges { node { ...F0 } } } }\n${fragments}` }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses anonymous introspection that multiplies itself, and still serves the standard introspection query', async () => {
    // types × fields × fields × fields …: each level multiplies the answer (graphql-js's own introspection depth rule).
    const fanOut = '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }';
    await expectRefused(await post({ query: fanOut }, {}, null), 'GRAPHQL_VALIDATION_FAILED');
    // The same schema 600 times under aliases: counted like any other aliases.
    const aliased = `{ ${Array.from({ length: 600 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;
    await expectRefused(await post({ query: aliased }, {}, null), 'QUERY_TOO_COMPLEX');
    const standard = await post({ query: getIntrospectionQuery() }, {}, null);
    expect(standard.status).toBe(200);
    expect((standard.body as { data: { __schema: { types: unknown[] } } }).data.__schema.types.length).toBeGreaterThan(20);
  });

  it('refuses an alias bomb and a field duplicated thousands of times', async () => {
    const aliases = Array.from({ length: 2_000 }, (_, i) => `a${i}: me { id email }`).join(' ');
    await expectRefused(await post({ query: `{ ${aliases} }` }), 'QUERY_TOO_COMPLEX');
    await expectRefused(await post({ query: `{ me { ${'email '.repeat(5_000)} } }` }), 'QUERY_TOO_COMPLEX');
    // The same field under many aliases with clashing arguments: the overlap check itself would be the attack.
    const clashing = Array.from({ length: 1_500 }, (_, i) => `journals(first: ${i % 100}) { totalCount }`).join(' ');
    await expectRefused(await post({ query: `{ ${clashing} }` }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses a costly page-within-page query and a page size of 2^31 - 1', async () => {
    const costly = '{ journals(first: 100) { edges { node { entries(first: 100) { edges { node { id title content tags } } } } } } }';
    await expectRefused(await post({ query: costly }), 'QUERY_TOO_COMPLEX');
    await expectRefused(await post({ query: 'query ($n: Int) { thoughts(first: $n) { edges { node { id text tags } } } }', variables: { n: 2 ** 31 - 1 } }), 'QUERY_TOO_COMPLEX');
  });

  it('answers a small batch operation by operation, and refuses a batch over the limit', async () => {
    const small = await post([{ query: '{ me { id } }' }, { query: '{ journals { totalCount } }' }]);
    expect(small.body).toEqual([{ data: { me: { id: user.id } } }, { data: { journals: { totalCount: 0 } } }]);
    const big = await post(Array.from({ length: 200 }, () => ({ query: '{ me { id } }' })));
    await expectRefused(big, 'QUERY_TOO_COMPLEX');
    // A batch is no way around the token: each operation is the caller's, and refused without one.
    const anonymous = await post([{ query: '{ me { id } }' }], {}, null);
    expect((anonymous.body as { errors?: { extensions?: { code?: string } }[] }[])[0]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an oversized body, declared or streamed, with PAYLOAD_TOO_LARGE; and a document of too many tokens', async () => {
    const huge = JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    // 413 PAYLOAD_TOO_LARGE, or the connection closed while the client still sends (the other clear answer, below).
    const declared = await post(huge).catch((error: unknown) => error);
    if (!(declared instanceof Error)) await expectRefused(declared as Answer, 'PAYLOAD_TOO_LARGE');
    else expect(String((declared as Error & { cause?: unknown }).cause)).toMatch(/EPIPE|ECONNRESET|other side closed/);
    // No Content-Length: the body arrives chunked and is cut off once past the limit.
    const chunks = ReadableStream.from((function* () { for (let i = 0; i < 40; i += 1) yield new TextEncoder().encode('x'.repeat(64 * 1024)); })());
    const streamed = await fetch(sys.gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}` }, body: chunks, duplex: 'half',
    }).catch((error: unknown) => error);
    if (streamed instanceof Response) {
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } // else: the gateway closed the connection mid-upload, which is the other clear answer
    expect(await sys.gatewayAnswers()).toBe(true);
    const tokens = await post({ query: `{ me { ${'__typename '.repeat(25_000)} } }` });
    expect(codeOf(tokens)).toBe('GRAPHQL_PARSE_FAILED');
    expect(tokens.status).toBe(400);
  });

  it('refuses malformed requests clearly: not JSON, no query, a fragment cycle, an unknown operation name', async () => {
    const notJson = await post('{"query": "{ me { id } }"');
    expect([notJson.status, codeOf(notJson)]).toEqual([400, 'BAD_REQUEST']);
    const noQuery = await post({ variables: {} });
    expect(noQuery.status).toBe(400);
    const cycle = await post({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' });
    expect([cycle.status, codeOf(cycle)]).toEqual([400, 'GRAPHQL_VALIDATION_FAILED']);
    const unknownName = await post({ query: 'query A { me { id } }', operationName: 'B' });
    expect([unknownName.status, codeOf(unknownName)]).toEqual([400, 'BAD_REQUEST']);
    const unnamed = await post({ query: 'query A { me { id } } query B { me { email } }' });
    expect([unnamed.status, codeOf(unnamed)]).toEqual([400, 'BAD_REQUEST']);
    expect(await sys.gatewayAnswers()).toBe(true);
  });

  it('refuses cross-site requests: a mutation by GET, a simple-request POST (form or text/plain), a query by GET without a preflight header', async () => {
    const mutation = 'mutation { createJournal(input: { name: "csrf" }) { journal { id } } }';
    const headers = { authorization: `Bearer ${user.accessToken}` };
    const get = await fetch(`${sys.gatewayUrl}?query=${encodeURIComponent(mutation)}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(405);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await fetch(sys.gatewayUrl, { method: 'POST', headers: { ...headers, 'content-type': type }, body: JSON.stringify({ query: mutation }) });
      expect(res.status, type).toBe(400);
    }
    const simpleGet = await fetch(`${sys.gatewayUrl}?query=${encodeURIComponent('{ me { id } }')}`, { headers });
    expect(simpleGet.status).toBe(400);
    expect(await simpleGet.text()).toMatch(/CSRF/);
    // Nothing was written by any of them.
    expect(await user.client.data('{ journals { totalCount } }')).toEqual({ journals: { totalCount: 0 } });
  });

  it('serves introspection of the public API only, and never lets a persisted-query hash stand in for a checked document', async () => {
    const schema = await post({ query: '{ __schema { types { name } queryType { fields { name } } } }' }, {}, null);
    const { __schema } = (schema.body as { data: { __schema: { types: { name: string }[]; queryType: { fields: { name: string }[] } } } }).data;
    const typeNames = __schema.types.map((t) => t.name);
    expect(typeNames).not.toEqual(expect.arrayContaining(['join__Graph']));
    expect(typeNames.filter((n) => /^(join__|link__|_Service|_Any|_Entity)/.test(n))).toEqual([]);
    expect(__schema.queryType.fields.map((f) => f.name).filter((n) => n.startsWith('_'))).toEqual([]);

    const deep = deepQuery(50);
    const sha256Hash = createHash('sha256').update(deep).digest('hex');
    const persisted = { extensions: { persistedQuery: { version: 1, sha256Hash } }, variables: { id: '00000000-0000-4000-8000-000000000000' } };
    await expectRefused(await post({ ...persisted, query: deep }), 'QUERY_TOO_COMPLEX');
    const byHash = await post(persisted);
    expect(byHash.status).toBeLessThan(500);
    expect(codeOf(byHash)).toMatch(/^PERSISTED_QUERY_NOT_(FOUND|SUPPORTED)$/);
  });

  it('is still up and answering afterwards', async () => {
    expect(await sys.gatewayAnswers()).toBe(true);
    expect(await user.client.data('{ me { id } }')).toEqual({ me: { id: user.id } });
  });
});
