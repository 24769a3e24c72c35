// The scheduled weekly reflection of a premium user with AI insights on (a user who turned them off is left to the
// firing's local composition, like a free one), written by Claude ahead of its firing. The scheduler fires
// due rows in batches, one transaction each, and must not wait for Claude inside it (every reminder in the batch
// would be late, its rows locked): so this worker looks at the `weekly:` rows of premium users due within
// `leadMs`, writes and stores their reflection (generateWeeklyReflection: Claude outside any transaction, the
// insert idempotent per week), and the firing then finds it stored and links it. A reflection not prepared in
// time (Claude slow, this worker down) is composed locally by the firing, as before: the notification is never
// held back for Claude. A Sunday's reflection covers the week ending that day: entries written in the last
// `leadMs` before it fires are not in it.
import { randomUUID } from 'node:crypto';
import type { Pool } from '@mindflow/db';
import type { KeyStore } from '@mindflow/events';
import type { Logger } from '@mindflow/platform';
import { reflectedWeekStart } from './reflection-generator.js';
import { generateWeeklyReflection, type ClaudeReflections } from './weekly-reflections.js';

export interface ReflectionPreparerOptions {
  readonly pool: Pool;
  readonly claude: ClaudeReflections | undefined;
  readonly log: Logger;
  readonly now: () => Date;
  readonly keys?: KeyStore | undefined;
  /** How long before a reflection fires it is written (default 5 minutes). */
  readonly leadMs?: number;
  /** Between two looks (default 15 s). */
  readonly pollMs?: number;
  /** Rows prepared per look. */
  readonly batchSize?: number;
}

export interface ReflectionPreparer {
  /** Prepares every premium reflection due within the lead that is not stored yet; resolves with how many were. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createReflectionPreparer(options: ReflectionPreparerOptions): ReflectionPreparer {
  const { pool, log } = options;
  const leadMs = options.leadMs ?? 300_000;
  const pollMs = options.pollMs ?? 15_000;
  const batchSize = options.batchSize ?? 20;
  let running: Promise<void> | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;

  async function runOnce(): Promise<number> {
    const claude = options.claude;
    if (!claude) return 0; // no API key: the firing composes every reflection locally
    const now = options.now();
    // The week a row reflects is reflectedWeekStart(occurrence), computed here in SQL alike (ISO weekday 7, Sunday:
    // that week; else the one before) so that prepared rows are not looked at again.
    const { rows } = await pool.query<{ user_id: string; occurrence: string }>(
      `WITH due AS (
         SELECT s.user_id, s.occurrence, s.fire_at, s.occurrence::date AS day
           FROM scheduled_notifications s JOIN reflection_authors a ON a.user_id = s.user_id AND a.plan = 'premium'
          WHERE s.kind = 'WEEKLY_REFLECTION' AND s.fire_at <= $1 AND s.occurrence ~ '^\\d{4}-\\d{2}-\\d{2}$'
            AND NOT EXISTS (SELECT 1 FROM reflection_insights_settings x WHERE x.user_id = s.user_id AND NOT x.insights_enabled))
       SELECT d.user_id, d.occurrence FROM due d
        WHERE NOT EXISTS (SELECT 1 FROM weekly_reflections w WHERE w.user_id = d.user_id
                            AND w.week_start = d.day - (extract(isodow FROM d.day)::int - 1) - CASE WHEN extract(isodow FROM d.day) = 7 THEN 0 ELSE 7 END)
        ORDER BY d.fire_at LIMIT $2`,
      [new Date(now.getTime() + leadMs), batchSize],
    );
    let prepared = 0;
    for (const row of rows) {
      if (stopping) break;
      try {
        await generateWeeklyReflection(pool, {
          userId: row.user_id, weekStart: reflectedWeekStart(row.occurrence), now: options.now(), correlationId: randomUUID(),
          keys: options.keys, plan: 'premium', claude, log,
        });
        prepared += 1;
      } catch (error) {
        // the firing composes it locally; logged with ids only
        log.warn({ userId: row.user_id, occurrence: row.occurrence, err: error instanceof Error ? error.message : 'unknown' }, 'weekly reflection not prepared');
      }
    }
    return prepared;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        await runOnce();
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : 'unknown' }, 'reflection preparer round failed; retrying');
      }
      if (stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, pollMs);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  }

  return {
    runOnce,
    start() {
      if (running) return;
      stopping = false;
      running = loop();
    },
    async stop() {
      stopping = true;
      wake?.();
      await running;
      running = undefined;
    },
  };
}
