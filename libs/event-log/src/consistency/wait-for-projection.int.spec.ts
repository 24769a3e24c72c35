import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../test/test-servers.js';
import type { ReadModel } from '../projector/projection-handlers.js';
import { parseConsistencyTokens } from './consistency-token.js';
import { notifyProjectionApplied, ProjectionNotices } from './projection-notices.js';
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
  const journalsOnly: ReadModel = { name: 'journals', handlers: { JournalCreated: () => Promise.resolve(), JournalUpdated: () => Promise.resolve() } };
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

describe('waitForProjection with projection notices', () => {
  const journalsOnly: ReadModel = { name: 'journals', handlers: { JournalCreated: () => Promise.resolve() } };
  const types = projectedAggregateTypes([journalsOnly]);
  const token = (id: string, version: number) => parseConsistencyTokens(Buffer.from(`journal:${id}:${version}`).toString('base64url'))!;

  /** Applies `version` of `id` for projection `p` as a projector does: the version and the notice in one transaction. */
  async function apply(id: string, version: number): Promise<number> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO projection_versions VALUES ('p', $1, $2) ON CONFLICT (projection, aggregate_id) DO UPDATE SET version = EXCLUDED.version`, [id, version]);
      await client.query(notifyProjectionApplied, ['p']);
      await client.query('COMMIT');
      return performance.now();
    } finally {
      client.release();
    }
  }

  it('answers within milliseconds of the commit, where polling alone waits out its pause', async () => {
    const notices = new ProjectionNotices(db.url);
    try {
      expect(await notices.start()).toBe(true);
      const late: number[] = [];
      for (let round = 0; round < 5; round++) {
        const id = randomUUID();
        const waiting = waitForProjection(db.pool, 'p', token(id, 1), 5_000, types, notices).then((ok) => ({ ok, at: performance.now() }));
        // Long enough for a poll's pause to have grown to its 200 ms cap.
        await new Promise((resolve) => setTimeout(resolve, 700));
        const committed = await apply(id, 1);
        const { ok, at } = await waiting;
        expect(ok).toBe(true);
        late.push(at - committed);
      }
      // Polling alone answers up to 200 ms after the commit (median ~100 ms); a notice within a few ms (a loaded machine: a generous bound).
      expect([...late].sort((a, b) => a - b)[2]).toBeLessThan(60);
    } finally {
      await notices.close();
    }
  });

  it('still answers by polling when nothing listens, and times out as before', async () => {
    const notices = new ProjectionNotices('postgres://postgres@127.0.0.1:1/nowhere');
    try {
      expect(await notices.start()).toBe(false);
      const id = randomUUID();
      const waiting = waitForProjection(db.pool, 'p', token(id, 1), 5_000, types, notices);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await apply(id, 1);
      expect(await waiting).toBe(true);
      expect(await waitForProjection(db.pool, 'p', token(id, 2), 150, types, notices)).toBe(false);
    } finally {
      await notices.close();
    }
  });

  it('wakes every waiter when its connection is lost (notices sent meanwhile are lost), so none sleeps out its wait', async () => {
    const notices = new ProjectionNotices(db.url);
    try {
      expect(await notices.start()).toBe(true);
      const armed = notices.arm('p', 30_000);
      const started = performance.now();
      await db.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'projection-notices' AND datname = current_database()`,
      );
      await armed.wait;
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(notices.listening).toBe(false);
    } finally {
      await notices.close();
    }
  });

  it('wakes only the waiters of the projection that committed', async () => {
    const notices = new ProjectionNotices(db.url);
    try {
      await notices.start();
      const other = notices.arm('other', 2_000);
      const mine = notices.arm('p', 2_000);
      const started = performance.now();
      await apply(randomUUID(), 1);
      await mine.wait;
      expect(performance.now() - started).toBeLessThan(1_000);
      const raced = await Promise.race([other.wait.then(() => 'woken'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300))]);
      expect(raced).toBe('still waiting');
      other.cancel();
    } finally {
      await notices.close();
    }
  });
});
