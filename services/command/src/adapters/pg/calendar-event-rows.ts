import type { CalendarEvent } from '../../domain/calendar-event/calendar-event.js';
import { saveAggregateRow } from './aggregate-row.js';
import { iso, lockRow, type RowLock, type Tx } from './sql-client.js';

interface CalendarEventRow {
  id: string;
  owner_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  rule: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  cancelled_at: Date | null;
}

export async function findCalendarEvent(tx: Tx, id: string, lock: RowLock): Promise<CalendarEvent | null> {
  await lockRow(tx, 'calendar_events', id, lock);
  const { rows } = await tx.query<CalendarEventRow>(
    `SELECT e.*, r.rule FROM calendar_events e LEFT JOIN calendar_event_recurrences r ON r.calendar_event_id = e.id
      WHERE e.id = $1`,
    [id],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        ownerId: row.owner_id,
        title: row.title,
        startsAt: iso(row.starts_at)!,
        endsAt: iso(row.ends_at)!,
        recurrence: row.rule,
        version: row.version,
        createdAt: iso(row.created_at)!,
        updatedAt: iso(row.updated_at)!,
        cancelledAt: iso(row.cancelled_at),
      }
    : null;
}

/** Writes the event as it now stands (row and recurrence): inserts it at version 1, else replaces it. */
export async function saveCalendarEvent(tx: Tx, event: CalendarEvent): Promise<void> {
  await saveAggregateRow(tx, 'calendar_events', event, {
    title: event.title,
    starts_at: event.startsAt,
    ends_at: event.endsAt,
    updated_at: event.updatedAt,
    cancelled_at: event.cancelledAt,
  });
  await (event.recurrence === null
    ? tx.query('DELETE FROM calendar_event_recurrences WHERE calendar_event_id = $1', [event.id])
    : tx.query(
        `INSERT INTO calendar_event_recurrences (calendar_event_id, rule) VALUES ($1, $2)
         ON CONFLICT (calendar_event_id) DO UPDATE SET rule = EXCLUDED.rule`,
        [event.id, event.recurrence],
      ));
}
