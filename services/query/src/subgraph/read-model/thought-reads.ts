import type { Reader } from './reader.js';
import { countOf, toConnection, type Connection } from './connection.js';
import { cursorAtSql, encodeCursor, type Position } from './cursor.js';
import type { ThoughtRecord } from './records.js';

// Every query names the owner: a thought of someone else reads exactly like one that does not exist.

const columns = `thought_id, owner_id, text, tags, version, created_at, updated_at, ${cursorAtSql('created_at')} AS cursor_at`;

interface ThoughtRow {
  thought_id: string;
  owner_id: string;
  text: string;
  tags: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

export async function thoughtsByIds(pool: Reader, ownerId: string, ids: readonly string[]): Promise<ThoughtRecord[]> {
  const { rows } = await pool.query<ThoughtRow>(
    `SELECT ${columns} FROM thoughts_view WHERE thought_id = ANY($1::uuid[]) AND owner_id = $2 AND deleted_at IS NULL`,
    [ids, ownerId],
  );
  return rows.map(toRecord);
}

/** The owner's live thoughts, newest first; with `tag`, only those carrying it (tags are stored normalized). */
export async function thoughtsOf(
  pool: Reader,
  ownerId: string,
  filter: { tag?: string | undefined },
  size: number,
  after?: Position,
): Promise<Connection<ThoughtRecord>> {
  const tags = filter.tag === undefined ? null : [filter.tag];
  const { rows } = await pool.query<ThoughtRow>(
    `SELECT ${columns} FROM thoughts_view
      WHERE owner_id = $1 AND deleted_at IS NULL AND ($2::text[] IS NULL OR tags @> $2::text[])
        AND ($3::timestamptz IS NULL OR (created_at, thought_id) < ($3::timestamptz, $4::uuid))
      ORDER BY created_at DESC, thought_id DESC
      LIMIT $5`,
    [ownerId, tags, after?.at ?? null, after?.id ?? null, size + 1],
  );
  const count = countOf(
    pool,
    `SELECT count(*)::int AS n FROM thoughts_view
      WHERE owner_id = $1 AND deleted_at IS NULL AND ($2::text[] IS NULL OR tags @> $2::text[])`,
    [ownerId, tags],
  );
  return toConnection(rows.map((row) => ({ record: toRecord(row), cursor: encodeCursor({ at: row.cursor_at, id: row.thought_id }) })), size, count);
}

function toRecord(row: ThoughtRow): ThoughtRecord {
  return {
    id: row.thought_id,
    ownerId: row.owner_id,
    text: row.text,
    tags: row.tags,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
