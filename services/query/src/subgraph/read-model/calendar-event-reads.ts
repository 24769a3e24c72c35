import type { Reader } from './reader.js';
import { countOf, toConnection, type Connection } from './connection.js';
import { cursorAtSql, encodeCursor, type Position } from './cursor.js';
import type { CalendarEventRecord } from './records.js';

// Every query names the owner: an event of someone else reads exactly like one that does not exist.

const columns = 'event_id, owner_id, title, starts_at, ends_at, recurrence, version, created_at, updated_at';

interface CalendarEventRow {
  event_id: string;
  owner_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  recurrence: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export async function calendarEventsByIds(pool: Reader, ownerId: string, ids: readonly string[]): Promise<CalendarEventRecord[]> {
  const { rows } = await pool.query<CalendarEventRow>(
    `SELECT ${columns} FROM calendar_events_view WHERE event_id = ANY($1::uuid[]) AND owner_id = $2 AND cancelled_at IS NULL`,
    [ids, ownerId],
  );
  return rows.map(toRecord);
}

/** The owner's live event series with an occurrence that may overlap [from, to). */
export async function eventSeriesOverlapping(pool: Reader, ownerId: string, from: Date, to: Date, limit: number): Promise<CalendarEventRecord[]> {
  const { rows } = await pool.query<CalendarEventRow>(
    `SELECT ${columns} FROM calendar_events_view
      WHERE owner_id = $1 AND cancelled_at IS NULL AND starts_at < $3 AND last_ends_at >= $2
      ORDER BY starts_at, event_id LIMIT $4`,
    [ownerId, from, to, limit],
  );
  return rows.map(toRecord);
}

/**
 * The owner's live event series, oldest first (created_at, then id): the account export's keyset pages
 * (`Query.calendarEvents`, @inaccessible).
 */
export async function calendarEventsOf(pool: Reader, ownerId: string, size: number, after?: Position): Promise<Connection<CalendarEventRecord>> {
  const { rows } = await pool.query<CalendarEventRow & { cursor_at: string }>(
    `SELECT ${columns}, ${cursorAtSql('created_at')} AS cursor_at FROM calendar_events_view
      WHERE owner_id = $1 AND cancelled_at IS NULL
        AND ($2::timestamptz IS NULL OR (created_at, event_id) > ($2::timestamptz, $3::uuid))
      ORDER BY created_at, event_id
      LIMIT $4`,
    [ownerId, after?.at ?? null, after?.id ?? null, size + 1],
  );
  const count = countOf(pool, 'SELECT count(*)::int AS n FROM calendar_events_view WHERE owner_id = $1 AND cancelled_at IS NULL', [ownerId]);
  return toConnection(rows.map((row) => ({ record: toRecord(row), cursor: encodeCursor({ at: row.cursor_at, id: row.event_id }) })), size, count);
}

function toRecord(row: CalendarEventRow): CalendarEventRecord {
  return {
    id: row.event_id,
    ownerId: row.owner_id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    recurrence: row.recurrence,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
