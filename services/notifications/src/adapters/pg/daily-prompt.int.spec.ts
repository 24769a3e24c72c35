// The daily prompt's question is drawn from the user's recent themes (issue 14): the scheduler's claim reads the
// themes of the user's last 14 days of entries (reflection_entries, kept by the projector from AIInsightsGenerated),
// most frequent first, and the firing asks about one of them; a user with none gets the default question.
import { randomUUID } from 'node:crypto';
import { createLogger } from '@mindflow/platform';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createScheduler } from '../../application/scheduler.js';
import { defaultPromptQuestion } from '../../domain/daily-prompt.js';
import { scheduleTestDb, type ScheduleTestDb } from '../../test/schedule-db.js';
import { pgScheduleStore } from './pg-schedule-store.js';

let db: ScheduleTestDb;
const log = createLogger('daily-prompt-spec', 'warn');

beforeAll(async () => {
  db = await scheduleTestDb('daily-prompt');
});
afterAll(async () => {
  await db?.drop();
});

async function promptDueNow(entries: { themes: string[]; daysAgo: number }[]): Promise<string> {
  const userId = randomUUID();
  await db.pool.query(`INSERT INTO notification_recipients (user_id, email, registered_at) VALUES ($1, 'p@example.test', now())`, [userId]);
  await db.pool.query(`INSERT INTO notification_preferences (user_id, journal_prompt_at, updated_at) VALUES ($1, '20:00', now())`, [userId]);
  for (const entry of entries) {
    await db.pool.query(
      `INSERT INTO reflection_entries (entry_id, user_id, content, created_at, themes) VALUES ($1, $2, 'An entry.', now() - make_interval(days => $3), $4)`,
      [randomUUID(), userId, entry.daysAgo, entry.themes],
    );
  }
  const fireAt = new Date(Date.now() - 1_000);
  await db.pool.query(
    `INSERT INTO scheduled_notifications (key, user_id, kind, subject_id, occurrence, fire_at, updated_at) VALUES ($1, $2, 'JOURNAL_PROMPT', NULL, $3, $4, now())`,
    [`prompt:${userId}`, userId, fireAt.toISOString().slice(0, 10), fireAt],
  );
  return userId;
}

const promptOf = async (userId: string) =>
  (await db.pool.query<{ title: string; body: string }>(`SELECT title, body FROM notifications WHERE user_id = $1 AND kind = 'JOURNAL_PROMPT'`, [userId])).rows[0];

it('asks about a theme the user wrote about most in the last two weeks, and the default question without one', async () => {
  const themed = await promptDueNow([
    { themes: ['hiking', 'family'], daysAgo: 1 },
    { themes: ['hiking'], daysAgo: 3 },
    { themes: ['work', 'hiking'], daysAgo: 5 },
    { themes: ['family'], daysAgo: 6 },
    { themes: ['sleep'], daysAgo: 8 },
    { themes: ['gardening', 'gardening'], daysAgo: 30 }, // older than two weeks: not recent
  ]);
  const themeless = await promptDueNow([{ themes: [], daysAgo: 1 }, { themes: ['gardening'], daysAgo: 20 }]);
  const scheduler = createScheduler({ store: pgScheduleStore(db.pool), log, now: () => new Date(), newId: randomUUID });
  expect(await scheduler.runOnce()).toBe(2);

  const prompt = await promptOf(themed);
  expect(prompt?.title).toBe('Time to write');
  // the three most frequent: hiking (3), family (2), then sleep / work (1 each; by name: sleep)
  expect(prompt?.body).toMatch(/hiking|family|sleep/);
  expect(prompt?.body).not.toMatch(/gardening|work/);
  expect(prompt?.body).not.toBe(defaultPromptQuestion);
  expect((await promptOf(themeless))?.body).toBe(defaultPromptQuestion);
});
