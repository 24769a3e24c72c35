import { createPool, migrate, withTransaction, type Pool } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { appendToOutbox, outboxMigrations } from '@mindflow/event-log';
import { createLogger, type Logger } from '@mindflow/platform';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { Registry } from 'prom-client';
import type { EntryAnalyzer } from '../application/entry-analyzer.js';
import { startInsightsProjector, type RunningInsightsProjector } from '../projector/start-insights-projector.js';

export interface InsightsUnderTest {
  /** The command's write DB, whose outbox is the embedded event log. */
  readonly write: Pool;
  /** The insights DB. */
  readonly insights: Pool;
  readonly projector: RunningInsightsProjector;
  /** The test clock the projector and its worker read. */
  readonly clock: { now: Date; advance(ms: number): void };
  /** The projector's and worker's metrics (kept across restarts). */
  readonly metrics: Registry;
  append(...events: AnyEvent[]): Promise<void>;
  /** Resolves once the projection applied every entry event appended so far. */
  caughtUp(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface InsightsTestOptions {
  readonly claude?: EntryAnalyzer;
  readonly local?: EntryAnalyzer;
  readonly log?: Logger;
  readonly dailyBudget?: number;
}

const silent = createLogger('insights-test', process.env['TEST_LOG_LEVEL'] ?? 'silent');

/**
 * The insights projector on the embedded event log (a real write DB's outbox) with its own real insights
 * DB, a test clock, and the analysis worker driven by the test (`projector.worker.runOnce()`).
 */
export async function insightsUnderTest(label: string, options: InsightsTestOptions = {}): Promise<InsightsUnderTest> {
  const databases: TestDatabase[] = await Promise.all([createTestDatabase(`${label}_write`), createTestDatabase(`${label}_insights`)]);
  const [writeDb, insightsDb] = databases as [TestDatabase, TestDatabase];
  const write = createPool(writeDb.url, { applicationName: `${label}-write`, max: 2 });
  const insights = createPool(insightsDb.url, { applicationName: `${label}-insights`, max: 4 });
  await migrate(write, 'command', outboxMigrations);
  const clock = {
    now: new Date('2030-06-01T12:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const metrics = new Registry();
  const start = async () => {
    const projector = await startInsightsProjector(
      {
        MINDFLOW_MODE: 'embedded',
        WRITE_DATABASE_URL: writeDb.url,
        INSIGHTS_DATABASE_URL: insightsDb.url,
        INSIGHTS_DEBOUNCE_MS: 2_000,
        INSIGHTS_MAX_WAIT_MS: 20_000,
        INSIGHTS_DAILY_BUDGET: options.dailyBudget ?? 10,
      },
      {
        log: options.log ?? silent,
        metrics,
        now: () => clock.now,
        startWorker: false,
        ...(options.claude ? { claude: options.claude } : {}),
        ...(options.local ? { local: options.local } : {}),
      },
    );
    await projector.ready();
    return projector;
  };
  let projector = await start();
  let appended = 0;
  return {
    write,
    insights,
    get projector() {
      return projector;
    },
    clock,
    metrics,
    async append(...events) {
      for (const event of events) await withTransaction(write, (tx) => appendToOutbox(tx, [event]));
      appended += events.filter((e) => e.aggregateType === 'entry').length;
    },
    async caughtUp() {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { rows } = await insights.query<{ n: string | null }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'insights'`);
        if (Number(rows[0]?.n ?? 0) === appended) return;
        if (Date.now() > deadline) throw new Error(`insights projection applied ${rows[0]?.n} of ${appended} events within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async restart() {
      await projector.close();
      projector = await start();
    },
    async close() {
      await projector.close();
      await Promise.all([write.end(), insights.end()]);
      await Promise.all(databases.map((db) => db.drop()));
    },
  };
}
