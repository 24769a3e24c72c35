import { randomUUID } from 'node:crypto';
import { erasureReceiptId, newEvent } from '@mindflow/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryStory } from '../test/entry-events.js';
import { insightsUnderTest, type InsightsUnderTest } from '../test/insights-under-test.js';
import { insightsUserTables } from './user-erasure.js';

// Erasure in the insights projection (issue 16): the embedded event log, real Postgres, the local analyzer.
describe('erasure in the insights projection', () => {
  let system: InsightsUnderTest;
  beforeAll(async () => {
    system = await insightsUnderTest('insights_erasure');
  });
  afterAll(async () => system?.close());

  const [erased, other] = [randomUUID(), randomUUID()];
  async function rowsOf(userId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of insightsUserTables) {
      counts[table] = Number((await system.insights.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE user_id = $1`, [userId])).rows[0]!.n);
    }
    return counts;
  }
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  async function until(check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('the insights projection did not apply the erasure within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const erasureRequested = (userId: string) =>
    newEvent('UserErasureRequested', {
      eventId: randomUUID(), occurredAt: new Date().toISOString(), source: 'identity', correlationId: 'erase', causationId: null,
      userId, aggregateId: userId, aggregateVersion: 1,
      payload: { userId, requestedAt: new Date().toISOString(), attempt: 1, services: ['insights'] },
    });

  it('names every table that holds rows of a user (a new one must join insightsUserTables)', async () => {
    const { rows } = await system.insights.query<{ table_name: string }>(
      `SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = current_schema() AND c.column_name = 'user_id' AND t.table_type = 'BASE TABLE'
         AND c.table_name NOT IN ('outbox', 'erased_users') ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...insightsUserTables].sort());
  });

  it('erases the insights and queued text of the user, nobody else’s, and acknowledges in the insights outbox', async () => {
    const mine = entryStory({ userId: erased });
    const theirs = entryStory({ userId: other });
    await system.append(mine.created('A wonderful walk in the park with my sister.'), theirs.created('A calm morning by the sea.'));
    await system.caughtUp();
    system.clock.advance(5_000);
    await system.projector.worker.runOnce();
    await system.append(entryStory({ userId: erased }).created('Another day, still queued.'));
    await system.caughtUp();
    const othersBefore = await rowsOf(other);
    expect(total(await rowsOf(erased))).toBeGreaterThanOrEqual(2);

    await system.append(erasureRequested(erased));
    await until(async () => (await system.insights.query('SELECT 1 FROM erased_users WHERE user_id = $1', [erased])).rowCount === 1);
    expect(total(await rowsOf(erased))).toBe(0);
    expect(await rowsOf(other)).toEqual(othersBefore);
    const acks = await system.insights.query<{ aggregate_id: string; payload: { service: string; erased: Record<string, number> } }>(
      `SELECT aggregate_id, payload FROM outbox WHERE event_type = 'UserDataErased' AND user_id = $1`, [erased]);
    expect(acks.rows).toEqual([{ aggregate_id: erasureReceiptId(erased, 'insights', 1), payload: expect.objectContaining({ service: 'insights', erased: expect.objectContaining({ entry_insights: 1, pending_analyses: 1 }) }) }]);

    // A later entry of the erased user queues nothing.
    await system.append(entryStory({ userId: erased }).created('Written after the erasure.'));
    await system.caughtUp();
    expect(total(await rowsOf(erased))).toBe(0);
  });
});
