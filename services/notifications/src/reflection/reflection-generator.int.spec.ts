import { randomUUID } from 'node:crypto';
import { createPool, withTransaction, type Pool } from '@mindflow/db';
import { createTestDatabase, type TestDatabase } from '@mindflow/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateNotificationsDatabase } from '../adapters/pg/notifications-migrations.js';
import { generateScheduledReflection } from './reflection-generator.js';

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

  const generate = (request: { userId: string; occurrence: string; firedAt: Date }) => withTransaction(pool, (tx) => generateScheduledReflection(tx, request));

  it('generates the reflection of the week before a Monday firing, once however often it fires', async () => {
    const userId = randomUUID();
    const entryId = randomUUID();
    await pool.query("INSERT INTO reflection_entries (entry_id, user_id, content, mood, created_at, themes) VALUES ($1, $2, 'a quiet sunday walk', 'CALM', '2025-02-09T15:00:00Z', '{walk}')", [entryId, userId]);
    const firedAt = new Date('2025-02-10T18:00:00Z');
    const ids = await Promise.all([generate({ userId, occurrence: '2025-02-10', firedAt }), generate({ userId, occurrence: '2025-02-10', firedAt })]);
    const { rows } = await pool.query<{ id: string; week_start: string; entry_count: number; themes: string[]; highlight_ids: string[] }>(
      'SELECT id, week_start::text, entry_count, themes, highlight_ids FROM weekly_reflections WHERE user_id = $1', [userId]);
    expect(rows).toEqual([{ id: ids[0], week_start: '2025-02-03', entry_count: 1, themes: ['walk'], highlight_ids: [entryId] }]);
    expect(ids[1]).toBe(ids[0]);
    const events = await pool.query("SELECT aggregate_version FROM outbox WHERE event_type = 'WeeklyReflectionGenerated' AND user_id = $1", [userId]);
    expect(events.rows).toEqual([{ aggregate_version: 1 }]);
    await expect(generate({ userId, occurrence: '2025-02-10T18:00:00Z', firedAt })).rejects.toThrow(/local date/);
  });

  it('a Wednesday firing reflects the whole week before (Monday to Sunday), not the Monday and Tuesday it follows; a Sunday firing the week ending that day', async () => {
    const userId = randomUUID();
    const lastWeek = [randomUUID(), randomUUID()];
    const thisWeek = randomUUID();
    await pool.query(
      `INSERT INTO reflection_entries (entry_id, user_id, content, mood, created_at, themes) VALUES
         ($1, $4, 'monday of last week', 'CALM', '2025-02-03T09:00:00Z', '{work}'), ($2, $4, 'sunday of last week', 'CALM', '2025-02-09T20:00:00Z', '{walk}'),
         ($3, $4, 'tuesday of this week', 'CALM', '2025-02-11T09:00:00Z', '{tea}')`,
      [lastWeek[0], lastWeek[1], thisWeek, userId]);
    await generate({ userId, occurrence: '2025-02-12', firedAt: new Date('2025-02-12T18:00:00Z') });
    // the Sunday after: the week it ends
    await generate({ userId, occurrence: '2025-02-16', firedAt: new Date('2025-02-16T18:00:00Z') });
    const { rows } = await pool.query<{ week_start: string; entry_count: number }>(
      'SELECT week_start::text, entry_count FROM weekly_reflections WHERE user_id = $1 ORDER BY week_start', [userId]);
    expect(rows).toEqual([{ week_start: '2025-02-03', entry_count: 2 }, { week_start: '2025-02-10', entry_count: 1 }]);
  });
});
