// The scheduler's WeeklyReflectionGenerator (application/ports): when a user's `weekly:` row fires, their
// reflection of the week is generated (once: generateWeeklyReflection answers a stored week as it is).
import { randomUUID } from 'node:crypto';
import type { Pool } from '@mindflow/db';
import type { WeeklyReflectionGenerator } from '../application/ports/weekly-reflection-generator.js';
import { generateWeeklyReflection } from './weekly-reflections.js';

/**
 * The week a reflection fired on `occurrence` (its local date) looks back on: the one holding the day before,
 * so a Sunday's reflection is of the week ending that day and a Monday's of the week that just ended.
 */
export function reflectedWeekStart(occurrence: string): string {
  const dayBefore = new Date(Date.parse(`${occurrence}T00:00:00Z`) - 86_400_000);
  const isoWeekday = dayBefore.getUTCDay() === 0 ? 7 : dayBefore.getUTCDay();
  return new Date(dayBefore.getTime() - (isoWeekday - 1) * 86_400_000).toISOString().slice(0, 10);
}

export function pgWeeklyReflectionGenerator(pool: Pool): WeeklyReflectionGenerator {
  return {
    async generate({ userId, occurrence, firedAt }) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(occurrence)) throw new Error(`a weekly reflection's occurrence is a local date, not ${JSON.stringify(occurrence)}`);
      await generateWeeklyReflection(pool, { userId, weekStart: reflectedWeekStart(occurrence), now: firedAt, correlationId: randomUUID() });
    },
  };
}
