import type { Reader } from './reader.js';
import { countOf, toConnection, type Connection } from './connection.js';
import { cursorAtSql, encodeCursor, type Position } from './cursor.js';
import { moods, type EntryRecord, type Mood } from './records.js';

// Every query names the owner: an entry of someone else reads exactly like one that does not exist.
// A row the projector has not filled yet (no created_at) and a soft-deleted one read as absent too.

const columns = `entry_id, journal_id, owner_id, title, coalesce(content, '') AS content, mood, tags,
  coalesce(word_count, 0) AS word_count, coalesce(version, 0) AS version, created_at,
  coalesce(updated_at, created_at) AS updated_at, ${cursorAtSql('created_at')} AS cursor_at`;

const visible = 'deleted_at IS NULL AND journal_id IS NOT NULL AND created_at IS NOT NULL';

interface EntryRow {
  entry_id: string;
  journal_id: string;
  owner_id: string;
  title: string | null;
  content: string;
  mood: string | null;
  tags: string[] | null;
  word_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export async function entriesByIds(pool: Reader, ownerId: string, ids: readonly string[]): Promise<EntryRecord[]> {
  const { rows } = await pool.query<EntryRow>(
    `SELECT ${columns} FROM entries_view WHERE entry_id = ANY($1::uuid[]) AND owner_id = $2 AND ${visible}`,
    [ids, ownerId],
  );
  return rows.map(toRecord);
}

/**
 * A page of a journal's entries. `countToo`: the client asked for `totalCount`, so its statement is sent now, beside
 * the page's, on a connection of its own, instead of after the page came back: one round trip less on the read's
 * path (BENCHMARKS.md, issue 12). Without it the count runs only if `totalCount` is resolved, as before.
 */
export async function entriesOfJournal(
  pool: Reader,
  ownerId: string,
  journalId: string,
  size: number,
  after?: Position,
  countToo = false,
): Promise<Connection<EntryRecord>> {
  const lazyCount = countOf(pool, `SELECT count(*)::int AS n FROM entries_view WHERE journal_id = $1 AND owner_id = $2 AND ${visible}`, [journalId, ownerId]);
  const early = countToo ? lazyCount() : undefined;
  // Observed at once: should the page's statement fail, the count's own failure must not go unhandled meanwhile.
  early?.catch(() => undefined);
  const count = early ? () => early : lazyCount;
  const { rows } = await pool.query<EntryRow>(
    `SELECT ${columns} FROM entries_view
      WHERE journal_id = $1 AND owner_id = $2 AND ${visible}
        AND ($3::timestamptz IS NULL OR (created_at, entry_id) < ($3::timestamptz, $4::uuid))
      ORDER BY created_at DESC, entry_id DESC
      LIMIT $5`,
    [journalId, ownerId, after?.at ?? null, after?.id ?? null, size + 1],
  );
  return toConnection(rows.map((row) => ({ record: toRecord(row), cursor: encodeCursor({ at: row.cursor_at, id: row.entry_id }) })), size, count);
}

/**
 * A page of a journal's entries oldest first, optionally only those whose UTC day lies in [from, to] (ISO dates,
 * inclusive): keyset paging on (created_at, entry_id), the journal-page index read backwards, so a reader going
 * through thousands of entries holds one page at a time (the media service's export). No count.
 */
export async function entriesOfJournalOldestFirst(
  pool: Reader,
  ownerId: string,
  journalId: string,
  size: number,
  range: { from?: string | null; to?: string | null },
  after?: Position,
): Promise<Connection<EntryRecord>> {
  const { rows } = await pool.query<EntryRow>(
    `SELECT ${columns} FROM entries_view
      WHERE journal_id = $1 AND owner_id = $2 AND ${visible}
        AND ($3::timestamptz IS NULL OR (created_at, entry_id) > ($3::timestamptz, $4::uuid))
        AND ($5::date IS NULL OR created_at >= ($5::date)::timestamp AT TIME ZONE 'UTC')
        AND ($6::date IS NULL OR created_at < ($6::date + 1)::timestamp AT TIME ZONE 'UTC')
      ORDER BY created_at, entry_id
      LIMIT $7`,
    [journalId, ownerId, after?.at ?? null, after?.id ?? null, range.from ?? null, range.to ?? null, size + 1],
  );
  const noCount = () => Promise.reject(new Error('entriesOldestFirst has no totalCount'));
  return toConnection(rows.map((row) => ({ record: toRecord(row), cursor: encodeCursor({ at: row.cursor_at, id: row.entry_id }) })), size, noCount);
}

/** The owner's newest live entries across journals (the dashboard's). */
export async function recentEntriesOf(pool: Reader, ownerId: string, limit: number): Promise<EntryRecord[]> {
  const { rows } = await pool.query<EntryRow>(
    `SELECT ${columns} FROM entries_view WHERE owner_id = $1 AND ${visible} ORDER BY created_at DESC, entry_id DESC LIMIT $2`,
    [ownerId, limit],
  );
  return rows.map(toRecord);
}

function toRecord(row: EntryRow): EntryRecord {
  return {
    id: row.entry_id,
    journalId: row.journal_id,
    ownerId: row.owner_id,
    title: row.title,
    content: row.content,
    mood: toMood(row.mood),
    tags: row.tags ?? [],
    wordCount: row.word_count,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A spelling the schema does not know reads as "no mood" rather than failing the whole entry. */
function toMood(value: string | null): Mood | null {
  const upper = value?.toUpperCase();
  return moods.find((m) => m === upper) ?? null;
}
