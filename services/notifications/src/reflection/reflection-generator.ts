// The reflection a fired `weekly:` row announces: generated in the scheduler's firing transaction (the
// notification commits with it and links it as its subject), once per user and week (a stored week is answered).
import { randomUUID } from 'node:crypto';
import type { PoolClient } from '@mindflow/db';
import type { KeyStore } from '@mindflow/events';
import { generateWeeklyReflectionIn } from './weekly-reflections.js';

const dayMs = 86_400_000;

/**
 * The week a reflection fired on `occurrence` (its local date) looks back on: the last complete local ISO week
 * (Monday to Sunday) before that day, so a Monday's or a Wednesday's is of the week that ended on the Sunday
 * before. Except a Sunday's: the week ending that day (the user chose Sunday to look back on the week they are
 * finishing; entries written after the firing that evening are not in it).
 */
export function reflectedWeekStart(occurrence: string): string {
  const day = new Date(Date.parse(`${occurrence}T00:00:00Z`));
  const isoWeekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  const monday = day.getTime() - (isoWeekday - 1) * dayMs;
  return new Date(isoWeekday === 7 ? monday : monday - 7 * dayMs).toISOString().slice(0, 10);
}

/** The reflection of the week a `weekly:` row fired on `occurrence` looks back on, generated in `tx` unless stored: its id. */
export async function generateScheduledReflection(
  tx: PoolClient,
  request: { readonly userId: string; readonly occurrence: string; readonly firedAt: Date },
  keys?: KeyStore,
): Promise<string> {
  const { userId, occurrence, firedAt } = request;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(occurrence)) throw new Error(`a weekly reflection's occurrence is a local date, not ${JSON.stringify(occurrence)}`);
  const reflection = await generateWeeklyReflectionIn(tx, { userId, weekStart: reflectedWeekStart(occurrence), now: firedAt, correlationId: randomUUID(), keys });
  return reflection.id;
}
