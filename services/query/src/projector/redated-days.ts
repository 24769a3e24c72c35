import type { ReadModel } from '@mindflow/event-log';
import { recomputeDay } from './analytics-view.js';
import { ownerKey } from './journals-view.js';

/**
 * `mood_days` after an entry was redated (JournalEntryUpdated with `createdAt`): `analytics` recomputes the day the
 * entry is on now, but not the day it left, which the event does not name (and `entries_view` no longer holds).
 * That day is the one whose stored count no longer matches the owner's live entries on it: each such day of the
 * owner is recomputed (only on a redating, which is rare and touches one owner). Runs after `analytics`, under the
 * owner's key taken exclusively, so no other chunk recomputes that owner's days meanwhile.
 */
export const redatedDays: ReadModel = {
  name: 'redated_days',
  sharedKeys: (event) => (redates(event.eventType, event.payload) ? [ownerKey(event.userId)] : []),
  handlers: {
    async JournalEntryUpdated(event, tx) {
      if (!redates(event.eventType, event.payload)) return;
      const { rows } = await tx.query<{ day: string }>(
        `SELECT to_char(m.day, 'YYYY-MM-DD') AS day FROM mood_days m
          WHERE m.owner_id = $1 AND m.entry_count <> (
            SELECT count(*) FROM entries_view e
             WHERE e.owner_id = m.owner_id AND e.deleted_at IS NULL AND e.journal_id IS NOT NULL
               AND e.created_at >= m.day::timestamp AT TIME ZONE 'UTC' AND e.created_at < (m.day + 1)::timestamp AT TIME ZONE 'UTC')`,
        [event.userId],
      );
      for (const { day } of rows) await recomputeDay(tx, event.userId, day);
    },
  },
};

function redates(eventType: string, payload: unknown): boolean {
  return eventType === 'JournalEntryUpdated' && (payload as { changedFields?: readonly string[] }).changedFields?.includes('createdAt') === true;
}
