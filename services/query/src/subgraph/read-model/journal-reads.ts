import type { Reader } from './reader.js';
import { countOf, toConnection, type Connection } from './connection.js';
import { cursorAtSql, encodeCursor, type Position } from './cursor.js';
import type { JournalRecord } from './records.js';

// Every query names the owner: a journal of someone else reads exactly like one that does not exist.
// A row the projector has not filled yet (no name/created_at: it may exist ahead of its JournalCreated)
// and a soft-deleted one read as absent too.

const columns = `journal_id, owner_id, name, description, color, icon, coalesce(is_private, false) AS is_private,
  coalesce(version, 0) AS version, entry_count, created_at, coalesce(updated_at, created_at) AS updated_at,
  ${cursorAtSql('created_at')} AS cursor_at`;

const visible = 'deleted_at IS NULL AND name IS NOT NULL AND created_at IS NOT NULL';

interface JournalRow {
  journal_id: string;
  owner_id: string;
  name: string;
  description: string | null;
  color: string | null;
  icon: string | null;
  is_private: boolean;
  version: number;
  entry_count: number;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export async function journalsByIds(pool: Reader, ownerId: string, ids: readonly string[]): Promise<JournalRecord[]> {
  const { rows } = await pool.query<JournalRow>(
    `SELECT ${columns} FROM journals_view WHERE journal_id = ANY($1::uuid[]) AND owner_id = $2 AND ${visible}`,
    [ids, ownerId],
  );
  return rows.map(toRecord);
}

export async function journalsOf(pool: Reader, ownerId: string, size: number, after?: Position): Promise<Connection<JournalRecord>> {
  const { rows } = await pool.query<JournalRow>(
    `SELECT ${columns} FROM journals_view
      WHERE owner_id = $1 AND ${visible}
        AND ($2::timestamptz IS NULL OR (created_at, journal_id) < ($2::timestamptz, $3::uuid))
      ORDER BY created_at DESC, journal_id DESC
      LIMIT $4`,
    [ownerId, after?.at ?? null, after?.id ?? null, size + 1],
  );
  const count = countOf(pool, `SELECT count(*)::int AS n FROM journals_view WHERE owner_id = $1 AND ${visible}`, [ownerId]);
  return toConnection(rows.map((row) => ({ record: toRecord(row), cursor: encodeCursor({ at: row.cursor_at, id: row.journal_id }) })), size, count);
}

function toRecord(row: JournalRow): JournalRecord {
  return {
    id: row.journal_id,
    ownerId: row.owner_id,
    name: row.name,
    description: row.description,
    color: row.color,
    icon: row.icon,
    isPrivate: row.is_private,
    version: row.version,
    entryCount: row.entry_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
