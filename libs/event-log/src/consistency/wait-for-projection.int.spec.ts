import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/test-servers.js';
import type { ReadModel } from '../projector/projection-handlers.js';
import { parseConsistencyTokens } from './consistency-token.js';
import { projectedAggregateTypes, waitForProjection } from './wait-for-projection.js';

let db: TestDatabase;
const journal = '11111111-1111-4111-8111-111111111111';
const task = '22222222-2222-4222-8222-222222222222';
const enc = (s: string) => Buffer.from(s).toString('base64url');

beforeAll(async () => {
  db = await testDatabase('wait_for_projection');
  await db.pool.query(`
    CREATE TABLE projection_versions (projection text, aggregate_id uuid, version int NOT NULL, PRIMARY KEY (projection, aggregate_id));
    INSERT INTO projection_versions VALUES ('p', '${journal}', 2);`);
});
afterAll(async () => db?.drop());

describe('waitForProjection', () => {
  const journalsOnly: ReadModel = { name: 'journals', handlers: { JournalCreated: async () => undefined, JournalUpdated: async () => undefined } };
  const types = projectedAggregateTypes([journalsOnly]);
  const writes = (...tokens: string[]) => parseConsistencyTokens(tokens.map(enc).join(','))!;

  it('knows the aggregate types a projection follows from its handlers', () => {
    expect([...types]).toEqual(['journal']);
  });

  it('is satisfied once the projection reached every awaited version', async () => {
    expect(await waitForProjection(db.pool, 'p', writes(`journal:${journal}:2`, `${journal}:1`), 1_000, types)).toBe(true);
  });

  it('ignores a typed write of a type the projection does not follow, even one it never saw', async () => {
    expect(await waitForProjection(db.pool, 'p', writes(`task:${task}:7`, `journal:${journal}:2`), 1_000, types)).toBe(true);
  });

  it('waits for an untyped write it never saw, and for a version ahead, until the timeout', async () => {
    expect(await waitForProjection(db.pool, 'p', writes(`${task}:7`), 100, types)).toBe(false);
    expect(await waitForProjection(db.pool, 'p', writes(`journal:${journal}:3`), 100, types)).toBe(false);
  });
});
