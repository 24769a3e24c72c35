import { randomUUID } from 'node:crypto';
import { signCaller } from '@mindflow/auth';
import { consistencyToken } from '@mindflow/event-log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQuerySubgraph, type RunningQuerySubgraph } from './start-query-subgraph.js';
import { createTestReadDb, type TestReadDb } from './test/read-db.js';
import { postGraphQL } from './test/post-graphql.js';
import { seedEntry, seedJournal } from './test/seed.js';
import { recordingCommands } from './test/recording-commands.js';

const secret = 'query-subgraph-int-test-secret';
const alice = randomUUID();
const bob = randomUUID();
const as = (userId: string) => ({ 'x-mindflow-caller': signCaller({ userId, roles: ['user'] }, secret) });

let db: TestReadDb;
let subgraph: RunningQuerySubgraph;
const commands = recordingCommands();
let aliceJournal: string;
let aliceEntry: string;
let bobJournal: string;
let bobEntry: string;

beforeAll(async () => {
  db = await createTestReadDb();
  subgraph = await startQuerySubgraph(
    { QUERY_SUBGRAPH_PORT: 0, READ_DATABASE_URL: db.url, INTERNAL_CALLER_SECRET: secret, CONSISTENCY_WAIT_MS: 1_500 },
    { commands },
  );
  aliceJournal = await seedJournal(db.pool, { ownerId: alice, name: 'Alice days', entryCount: 1 });
  aliceEntry = await seedEntry(db.pool, { journalId: aliceJournal, ownerId: alice, title: 'Morning', tags: ['sun'] });
  bobJournal = await seedJournal(db.pool, { ownerId: bob, name: 'Bob secrets' });
  bobEntry = await seedEntry(db.pool, { journalId: bobJournal, ownerId: bob, title: 'Private' });
});

afterAll(async () => {
  await subgraph?.close();
  await db?.drop();
});

describe('the caller header', () => {
  it('is required for reads', async () => {
    const res = await postGraphQL(subgraph.url, '{ journals { totalCount } }');
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('is required for _entities', async () => {
    const res = await postGraphQL(subgraph.url, entitiesQuery, { representations: [{ __typename: 'Journal', id: aliceJournal }] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('must be signed with the shared secret and not be expired', async () => {
    const forged = { 'x-mindflow-caller': signCaller({ userId: alice, roles: ['user'] }, 'another-secret-of-some-length') };
    const expired = { 'x-mindflow-caller': signCaller({ userId: alice, roles: ['user'] }, secret, 60, new Date(Date.now() - 600_000)) };
    for (const headers of [forged, expired]) {
      const res = await postGraphQL(subgraph.url, '{ journals { totalCount } }', {}, headers);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('is not needed for the federation SDL', async () => {
    const res = await postGraphQL<{ _service: { sdl: string } }>(subgraph.url, '{ _service { sdl } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?._service.sdl).toMatch(/type Journal @key\(fields: "id"\)/);
  });
});

const entitiesQuery = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Journal { id name entryCount }
    ... on Entry { id title tags mood journal { id name } }
    ... on User { id journals { totalCount edges { node { id } } } }
  }
}`;

describe('_entities', () => {
  it('resolves Journal, Entry and User references of the caller', async () => {
    const res = await postGraphQL(subgraph.url, entitiesQuery, {
      representations: [
        { __typename: 'Journal', id: aliceJournal },
        { __typename: 'Entry', id: aliceEntry },
        { __typename: 'User', id: alice },
      ],
    }, as(alice));
    expect(res.errors).toBeUndefined();
    expect(res.data?.['_entities']).toEqual([
      { __typename: 'Journal', id: aliceJournal, name: 'Alice days', entryCount: 1 },
      { __typename: 'Entry', id: aliceEntry, title: 'Morning', tags: ['sun'], mood: 'GOOD', journal: { id: aliceJournal, name: 'Alice days' } },
      { __typename: 'User', id: alice, journals: { totalCount: 1, edges: [{ node: { id: aliceJournal } }] } },
    ]);
  });

  it("resolves another user's journal and entry to null, and shows no journals of another user", async () => {
    const res = await postGraphQL(subgraph.url, entitiesQuery, {
      representations: [
        { __typename: 'Journal', id: bobJournal },
        { __typename: 'Entry', id: bobEntry },
        { __typename: 'User', id: bob },
        { __typename: 'Journal', id: 'not-an-id' },
      ],
    }, as(alice));
    expect(res.errors).toBeUndefined();
    expect(res.data?.['_entities']).toEqual([null, null, { __typename: 'User', id: bob, journals: { totalCount: 0, edges: [] } }, null]);
  });
});

describe('reads', () => {
  it("never returns another user's journal or entry", async () => {
    const query = 'query ($j: ID!, $e: ID!) { journal(id: $j) { name } entry(id: $e) { title } }';
    const res = await postGraphQL(subgraph.url, query, { j: bobJournal, e: bobEntry }, as(alice));
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ journal: null, entry: null });
    const own = await postGraphQL(subgraph.url, query, { j: bobJournal, e: bobEntry }, as(bob));
    expect(own.data).toEqual({ journal: { name: 'Bob secrets' }, entry: { title: 'Private' } });
  });

  it('hides deleted journals', async () => {
    const deleted = await seedJournal(db.pool, { ownerId: alice, name: 'Gone', deleted: true });
    const res = await postGraphQL(subgraph.url, 'query ($id: ID!) { journal(id: $id) { id } journals { totalCount } }', { id: deleted }, as(alice));
    expect(res.data).toEqual({ journal: null, journals: { totalCount: 1 } });
  });

  it('pages entries newest first with opaque cursors, ties broken by id', async () => {
    const carol = randomUUID();
    const journal = await seedJournal(db.pool, { ownerId: carol, name: 'Busy' });
    const sameInstant = '2030-05-01T10:00:00.123456Z';
    for (let i = 0; i < 5; i++) await seedEntry(db.pool, { journalId: journal, ownerId: carol, title: `same ${i}`, createdAt: sameInstant });
    await seedEntry(db.pool, { journalId: journal, ownerId: carol, title: 'newest', createdAt: '2030-05-02T00:00:00Z' });
    const query = `query ($id: ID!, $after: String) { journal(id: $id) { entries(first: 2, after: $after) {
      totalCount edges { cursor node { title } } pageInfo { hasNextPage endCursor } } } }`;
    type Page = { journal: { entries: { totalCount: number; edges: { node: { title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const titles: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: { data?: Page | null } = await postGraphQL<Page>(subgraph.url, query, { id: journal, after }, as(carol));
      const entries = res.data!.journal.entries;
      expect(entries.totalCount).toBe(6);
      titles.push(...entries.edges.map((e) => e.node.title));
      if (!entries.pageInfo.hasNextPage) break;
      after = entries.pageInfo.endCursor;
    }
    expect(titles).toHaveLength(6);
    expect(titles[0]).toBe('newest');
    expect(new Set(titles).size).toBe(6);
  });

  it('refuses a cursor it did not issue and an oversized page', async () => {
    const res = await postGraphQL(subgraph.url, '{ journals(after: "bogus") { totalCount } }', {}, as(alice));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const big = await postGraphQL(subgraph.url, '{ journals(first: 1000) { totalCount } }', {}, as(alice));
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('read-your-writes (x-consistent-with)', () => {
  const query = 'query ($id: ID!) { journal(id: $id) { name version } }';

  it('answers at once when the read side already has the write', async () => {
    const token = consistencyToken({ aggregateType: 'journal', aggregateId: aliceJournal, version: 1 });
    const res = await postGraphQL(subgraph.url, query, { id: aliceJournal }, { ...as(alice), 'x-consistent-with': token });
    expect(res.data).toEqual({ journal: { name: 'Alice days', version: 1 } });
  });

  it('waits until the projector catches up', async () => {
    const id = randomUUID();
    const token = consistencyToken({ aggregateType: 'journal', aggregateId: id, version: 1 });
    const pending = postGraphQL(subgraph.url, query, { id }, { ...as(alice), 'x-consistent-with': token });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await seedJournal(db.pool, { id, ownerId: alice, name: 'Just written' });
    expect((await pending).data).toEqual({ journal: { name: 'Just written', version: 1 } });
  });

  it('gives up with CONSISTENCY_TIMEOUT, and refuses a malformed token', async () => {
    const token = consistencyToken({ aggregateType: 'journal', aggregateId: aliceJournal, version: 9 });
    const late = await postGraphQL(subgraph.url, query, { id: aliceJournal }, { ...as(alice), 'x-consistent-with': token });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONSISTENCY_TIMEOUT', retryAfterMs: 1000 });
    // what to do, said to whoever reads it: the write is kept, the same read is asked again
    expect(late.errors?.[0]?.message).toMatch(/^Your change is saved, but the read side has not shown it yet \(waited \d+ ms\)\. Send the same query again/);
    const bad = await postGraphQL(subgraph.url, query, { id: aliceJournal }, { ...as(alice), 'x-consistent-with': 'nonsense' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-consistent-with' });
  });

  it('waits for an untyped token too, and never for a type the query projection does not follow', async () => {
    const untyped = Buffer.from(`${aliceJournal}:9`).toString('base64url');
    const late = await postGraphQL(subgraph.url, query, { id: aliceJournal }, { ...as(alice), 'x-consistent-with': untyped });
    expect(late.errors?.[0]?.extensions?.['code']).toBe('CONSISTENCY_TIMEOUT');
    const other = consistencyToken({ aggregateType: 'user', aggregateId: randomUUID(), version: 4 });
    const mine = consistencyToken({ aggregateType: 'journal', aggregateId: aliceJournal, version: 1 });
    const res = await postGraphQL(subgraph.url, query, { id: aliceJournal }, { ...as(alice), 'x-consistent-with': `${other},${mine}` });
    expect(res.data).toEqual({ journal: { name: 'Alice days', version: 1 } });
  });
});

describe('mutations', () => {
  it('send the command with the caller, correlation id and idempotency key, and return the write with its token', async () => {
    const res = await postGraphQL(
      subgraph.url,
      `mutation ($input: CreateEntryInput!) { createEntry(input: $input, idempotencyKey: "key-1") {
         consistencyToken entry { id title mood tags version journal { name } } } }`,
      { input: { journalId: aliceJournal, title: 'Evening', content: 'calm now', mood: 'CALM', tags: ['night'] } },
      { ...as(alice), 'x-correlation-id': 'corr-123' },
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data?.['createEntry'] as { consistencyToken: string; entry: { id: string } };
    expect(payload.entry).toMatchObject({ title: 'Evening', mood: 'CALM', tags: ['night'], version: 1, journal: { name: 'Alice days' } });
    expect(payload.consistencyToken).toBe(consistencyToken({ aggregateType: 'entry', aggregateId: payload.entry.id, version: 1 }));
    expect(commands.sent.at(-1)).toMatchObject({
      name: 'createEntry',
      metadata: { userId: alice, correlationId: 'corr-123', idempotencyKey: 'key-1' },
      command: { journalId: aliceJournal, content: 'calm now', mood: 'CALM', tags: ['night'] },
    });
  });

  it('send a backdated entry\'s moment (CreateEntryInput.createdAt) with the command, as an instant', async () => {
    const res = await postGraphQL(
      subgraph.url,
      'mutation ($input: CreateEntryInput!) { createEntry(input: $input) { entry { id } } }',
      { input: { journalId: aliceJournal, content: 'written a day late', createdAt: '2026-01-10T19:00:00+01:00' } },
      as(alice),
    );
    expect(res.errors).toBeUndefined();
    const sent = commands.sent.at(-1) as { name: string; command: { createdAt?: Date } };
    expect(sent.name).toBe('createEntry');
    expect(sent.command.createdAt?.toISOString()).toBe('2026-01-10T18:00:00.000Z');
  });

  it('send a redated entry\'s moment (UpdateEntryInput.createdAt) with the command, as an instant; absent, none', async () => {
    const mutation = 'mutation ($input: UpdateEntryInput!) { updateEntry(id: "00000000-0000-4000-8000-00000000e001", expectedVersion: 3, input: $input) { entry { id } } }';
    const res = await postGraphQL(subgraph.url, mutation, { input: { createdAt: '2026-01-08T13:00:00+01:00' } }, as(alice));
    expect(res.errors).toBeUndefined();
    const sent = commands.sent.at(-1) as { name: string; command: { patch: { createdAt?: Date } } };
    expect(sent.name).toBe('updateEntry');
    expect(sent.command.patch.createdAt?.toISOString()).toBe('2026-01-08T12:00:00.000Z');
    await postGraphQL(subgraph.url, mutation, { input: { title: 'Kept date' } }, as(alice));
    expect((commands.sent.at(-1) as { command: { patch: { createdAt?: Date } } }).command.patch.createdAt).toBeUndefined();
  });

  it('answer an entry whose journal the projector has not applied yet once it has (bounded wait)', async () => {
    const journalId = randomUUID();
    const pending = postGraphQL(
      subgraph.url,
      'mutation ($id: ID!) { createEntry(input: { journalId: $id, content: "first words" }) { entry { journal { id name } } } }',
      { id: journalId },
      as(alice),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await seedJournal(db.pool, { id: journalId, ownerId: alice, name: 'Brand new' });
    const res = await pending;
    expect(res.errors).toBeUndefined();
    expect(res.data?.['createEntry']).toEqual({ entry: { journal: { id: journalId, name: 'Brand new' } } });
  });

  it("map the command service's refusals to API codes with the field", async () => {
    const res = await postGraphQL(
      subgraph.url,
      'mutation { createJournal(input: { name: "" }) { journal { id } consistencyToken } }',
      {},
      as(alice),
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('tell the client a retry is safe when the command service is unavailable', async () => {
    const res = await postGraphQL(
      subgraph.url,
      'mutation ($id: ID!) { createEntry(input: { journalId: $id, content: "overload" }, idempotencyKey: "k") { consistencyToken } }',
      { id: aliceJournal },
      as(alice),
    );
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAVAILABLE');
  });

  it('send a partial update with null as "clear", and answer the journal with its read-side entry count', async () => {
    const res = await postGraphQL(
      subgraph.url,
      `mutation ($id: ID!) { updateJournal(id: $id, expectedVersion: 1, input: { name: "Renamed", color: null }) {
         consistencyToken journal { id name color version entryCount } } }`,
      { id: aliceJournal },
      as(alice),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.['updateJournal']).toMatchObject({ journal: { id: aliceJournal, name: 'Renamed', color: null, version: 2, entryCount: 1 } });
    expect(commands.sent.at(-1)).toMatchObject({ name: 'updateJournal', command: { id: aliceJournal, expectedVersion: 1, patch: { name: 'Renamed', color: null } } });
    expect(commands.sent.at(-1)?.command).not.toHaveProperty('patch.description');
  });

  it('pass CONFLICT on with the current version', async () => {
    const res = await postGraphQL(
      subgraph.url,
      'mutation ($id: ID!) { updateJournal(id: $id, expectedVersion: 7, input: { name: "x" }) { consistencyToken } }',
      { id: aliceJournal },
      as(alice),
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
  });

  it('answer a delete with the id, the last version, when, and its token', async () => {
    const res = await postGraphQL(
      subgraph.url,
      'mutation ($id: ID!) { deleteEntry(id: $id) { id version deletedAt consistencyToken } }',
      { id: aliceEntry },
      as(alice),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.['deleteEntry']).toEqual({
      id: aliceEntry,
      version: 2,
      deletedAt: expect.stringMatching(/Z$/),
      consistencyToken: consistencyToken({ aggregateType: 'entry', aggregateId: aliceEntry, version: 2 }),
    });
    expect(commands.sent.at(-1)).toMatchObject({ name: 'deleteEntry', command: { id: aliceEntry, expectedVersion: undefined } });
  });

  it('are refused without a caller', async () => {
    const res = await postGraphQL(subgraph.url, 'mutation { createJournal(input: { name: "x" }) { consistencyToken } }');
    expect(res.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(commands.sent.filter((s) => s.name === 'createJournal')).toHaveLength(1);
  });
});
