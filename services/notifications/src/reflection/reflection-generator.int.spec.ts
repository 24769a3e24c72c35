import { randomUUID } from 'node:crypto';
import { createPool, type Pool } from '@mindflow/db';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateNotificationsDatabase } from '../adapters/pg/notifications-migrations.js';
import { pgWeeklyReflectionGenerator } from './reflection-generator.js';

describe('the scheduler’s weekly reflection generator', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase('notif_reflection_generator');
    pool = createPool(db.url, { applicationName: 'reflection-generator-test' });
    await migrateNotificationsDatabase(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('generates the reflection of the week before a Monday firing, once however often it fires', async () => {
    const userId = randomUUID();
    const entryId = randomUUID();
    await pool.query("INSERT INTO reflection_entries (entry_id, user_id, content, mood, created_at, themes) VALUES ($1, $2, 'a quiet sunday walk', 'CALM', '2025-02-09T15:00:00Z', '{walk}')", [entryId, userId]);
    const generator = pgWeeklyReflectionGenerator(pool);
    const firedAt = new Date('2025-02-10T18:00:00Z');
    await Promise.all([generator.generate({ userId, occurrence: '2025-02-10', firedAt }), generator.generate({ userId, occurrence: '2025-02-10', firedAt })]);
    const { rows } = await pool.query<{ week_start: string; entry_count: number; themes: string[]; highlight_ids: string[] }>(
      'SELECT week_start::text, entry_count, themes, highlight_ids FROM weekly_reflections WHERE user_id = $1', [userId]);
    expect(rows).toEqual([{ week_start: '2025-02-03', entry_count: 1, themes: ['walk'], highlight_ids: [entryId] }]);
    const events = await pool.query("SELECT aggregate_version FROM outbox WHERE event_type = 'WeeklyReflectionGenerated' AND user_id = $1", [userId]);
    expect(events.rows).toEqual([{ aggregate_version: 1 }]);
    await expect(generator.generate({ userId, occurrence: '2025-02-10T18:00:00Z', firedAt })).rejects.toThrow(/local date/);
  });
});
