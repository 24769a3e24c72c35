import { createPool, migrate, withTransaction } from '@mindflow/db';
import { appendToOutbox, outboxMigrations } from '@mindflow/event-log';
import { createLogger } from '@mindflow/platform';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryStory } from '../test/entry-events.js';
import { startInsightsProjector, type RunningInsightsProjector } from './start-insights-projector.js';

// The running analysis worker (issue 11): idle, it no longer polls every 250 ms but sleeps until the projection's
// commit notice says work was queued. Here its safety poll is a minute away, so only the notice can wake it in time.
describe('the insights worker, running beside the projection (real Postgres, real clock)', () => {
  let databases: TestDatabase[] = [];
  let projector: RunningInsightsProjector | undefined;
  let write: ReturnType<typeof createPool> | undefined;
  let insights: ReturnType<typeof createPool> | undefined;

  beforeAll(async () => {
    databases = await Promise.all([createTestDatabase('insights_wakeup_write'), createTestDatabase('insights_wakeup_insights')]);
    const [writeDb, insightsDb] = databases as [TestDatabase, TestDatabase];
    write = createPool(writeDb.url, { applicationName: 'insights-wakeup-write', max: 2 });
    insights = createPool(insightsDb.url, { applicationName: 'insights-wakeup-insights', max: 2 });
    await migrate(write, 'command', outboxMigrations);
    projector = await startInsightsProjector(
      { MINDFLOW_MODE: 'embedded', WRITE_DATABASE_URL: writeDb.url, INSIGHTS_DATABASE_URL: insightsDb.url, INSIGHTS_DEBOUNCE_MS: 300, INSIGHTS_MAX_WAIT_MS: 5_000 },
      { log: createLogger('insights-wakeup-test', process.env['TEST_LOG_LEVEL'] ?? 'silent'), pollMs: 50, idlePollMs: 60_000 },
    );
    await projector.ready();
  });
  afterAll(async () => {
    await projector?.close();
    await Promise.all([write?.end(), insights?.end()]);
    await Promise.all(databases.map((db) => db.drop()));
  });

  it('analyses an entry edited while it sleeps, woken by the projection’s commit rather than its minute-long poll', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the worker has looked, found nothing and sleeps
    // listening for the commit notice in the insights DB: so its sleep is the 60 s one, not the 50 ms poll
    const listeners = await insights!.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'projection-notices' AND query = 'LISTEN projection_applied'`,
    );
    expect(listeners.rowCount).toBe(1);
    const story = entryStory();
    await withTransaction(write!, (tx) => appendToOutbox(tx, [story.created('A calm evening, a good book and tea. I feel rested.')]));
    // the 300 ms debounce, the projection's and the worker's rounds: seconds at most, well before the 60 s poll
    await expect
      .poll(async () => (await insights!.query('SELECT 1 FROM entry_insights WHERE entry_id = $1', [story.entryId])).rowCount, { timeout: 15_000, interval: 100 })
      .toBe(1);
  });
});
