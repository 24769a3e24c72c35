import type { ReadModel } from '@mindflow/event-log';
import { lastOccurrence } from '@mindflow/calendar';

/**
 * `calendar_events_view`: one row per calendar event, cancelled rows kept (`cancelled_at`).
 * `last_ends_at` is when the series' last occurrence ends, for range reads. An event's facts arrive in
 * version order and touch only its own row: no shared keys.
 */
export const calendarEventsView: ReadModel = {
  name: 'calendar_events_view',
  handlers: {
    async CalendarEventScheduled(event, tx) {
      const p = event.payload;
      // ON CONFLICT: a rebuild over existing rows replays the scheduling onto the row it made before.
      await tx.query(
        `INSERT INTO calendar_events_view (event_id, owner_id, title, starts_at, ends_at, recurrence, last_ends_at, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (event_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, title = EXCLUDED.title, starts_at = EXCLUDED.starts_at,
           ends_at = EXCLUDED.ends_at, recurrence = EXCLUDED.recurrence, last_ends_at = EXCLUDED.last_ends_at,
           version = EXCLUDED.version, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, cancelled_at = NULL`,
        [p.calendarEventId, event.userId, p.title, p.startsAt, p.endsAt, p.recurrence, lastEndsAt(p), event.aggregateVersion, p.scheduledAt],
      );
    },

    async CalendarEventUpdated(event, tx) {
      const p = event.payload;
      await tx.query(
        `UPDATE calendar_events_view SET title = $2, starts_at = $3, ends_at = $4, recurrence = $5, last_ends_at = $6, version = $7,
           updated_at = $8 WHERE event_id = $1`,
        [p.calendarEventId, p.title, p.startsAt, p.endsAt, p.recurrence, lastEndsAt(p), event.aggregateVersion, p.updatedAt],
      );
    },

    async CalendarEventCancelled(event, tx) {
      const p = event.payload;
      await tx.query('UPDATE calendar_events_view SET cancelled_at = $2, updated_at = $2, version = $3 WHERE event_id = $1', [
        p.calendarEventId,
        p.cancelledAt,
        event.aggregateVersion,
      ]);
    },
  },
};

/** When the last occurrence ends (its start plus the event's duration); `infinity` for an endless rule. */
function lastEndsAt(p: { startsAt: string; endsAt: string; recurrence: string | null }): string {
  const last = lastOccurrence({ start: new Date(p.startsAt), rule: p.recurrence });
  return last ? new Date(last.getTime() + (Date.parse(p.endsAt) - Date.parse(p.startsAt))).toISOString() : 'infinity';
}
