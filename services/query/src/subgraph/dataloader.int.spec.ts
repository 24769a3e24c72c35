import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { callerHeader, signCaller } from '@mindflow/auth';
import type { Pool } from '@mindflow/db';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessCache } from './cache/in-process-cache.js';
import { buildContext } from './context.js';
import { ReaderPool } from './read-model/reader.js';
import { buildQuerySchema } from './schema.js';
import { createTestReadDb, type TestReadDb } from './test/read-db.js';
import { recordingCommands } from './test/recording-commands.js';
import { seedEntry, seedJournal } from './test/seed.js';

// DataLoader batching, proven by counting the SQL statements the subgraph sends to the read DB.

const secret = 'query-dataloader-test-secret';
const alice = randomUUID();
let db: TestReadDb;
let server: ApolloServer<ReturnType<typeof buildContext>>;
const journals: string[] = [];
const entries: string[] = [];

beforeAll(async () => {
  db = await createTestReadDb();
  server = new ApolloServer({ schema: buildQuerySchema() });
  await server.start();
  for (let j = 0; j < 5; j++) journals.push(await seedJournal(db.pool, { ownerId: alice, name: `J${j}`, entryCount: j === 0 ? 50 : 10 }));
  for (let i = 0; i < 50; i++) {
    entries.push(await seedEntry(db.pool, { journalId: journals[0]!, ownerId: alice, title: `E${i}`, createdAt: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString() }));
  }
  for (let i = 0; i < 50; i++) entries.push(await seedEntry(db.pool, { journalId: journals[1 + (i % 4)]!, ownerId: alice, title: `F${i}` }));
});
afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** The read pool, recording every statement sent through it. */
function countingPool(pool: Pool): { pool: Pool; statements: string[] } {
  const statements: string[] = [];
  const counting = {
    async connect() {
      const client = await pool.connect();
      return new Proxy(client, {
        get(target, key, receiver) {
          if (key !== 'query') return Reflect.get(target, key, receiver) as unknown;
          return (text: string, values?: unknown[]) => {
            statements.push(text);
            return target.query(text, values);
          };
        },
      });
    },
  };
  return { pool: counting as unknown as Pool, statements };
}

async function run(query: string, variables: Record<string, unknown> = {}) {
  const { pool, statements } = countingPool(db.pool);
  const contextValue = buildContext({ [callerHeader]: signCaller({ userId: alice, roles: ['user'] }, secret) }, {
    readers: new ReaderPool(pool), cache: createInProcessCache(), cacheTtlSeconds: 60, commands: recordingCommands(), log: createLogger('dataloader-test', 'silent'),
    callerSecret: secret, readWaitMs: 0,
  });
  const response = await server.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const result = response.body.singleResult;
  expect(result.errors).toBeUndefined();
  const reading = (table: string) => statements.filter((s) => new RegExp(`FROM ${table}\\b`).test(s)).length;
  return { data: result.data as Record<string, unknown>, reading };
}

describe('DataLoader batching', () => {
  it('answers a list of 50 entries with journal { name } with one journal fetch', async () => {
    const { data, reading } = await run(`query ($id: ID!) { journal(id: $id) { entries(first: 50) { edges { node { title journal { name } } } } } }`, { id: journals[0] });
    const edges = (data['journal'] as { entries: { edges: { node: { journal: { name: string } } }[] } }).entries.edges;
    expect(edges).toHaveLength(50);
    expect(edges.every((e) => e.node.journal.name === 'J0')).toBe(true);
    expect(reading('journals_view')).toBe(1);
    expect(reading('entries_view')).toBe(1);
  });

  it('answers _entities with 50 Entry representations (in 4 journals) with one entry query and one journal query', async () => {
    const representations = entries.slice(50).map((id) => ({ __typename: 'Entry', id }));
    const { data, reading } = await run(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Entry { id title journal { name } } } }`, { r: representations });
    const found = data['_entities'] as { id: string; journal: { name: string } }[];
    expect(found.map((e) => e.id)).toEqual(entries.slice(50));
    expect(new Set(found.map((e) => e.journal.name))).toEqual(new Set(['J1', 'J2', 'J3', 'J4']));
    expect(reading('entries_view')).toBe(1);
    expect(reading('journals_view')).toBe(1);
  });
});
