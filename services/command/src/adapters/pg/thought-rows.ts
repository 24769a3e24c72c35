import type { Thought } from '../../domain/thought/thought.js';
import { iso, lockRow, type RowLock, type Tx } from './sql-client.js';

interface ThoughtRow {
  id: string;
  owner_id: string;
  text: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  tags: string[];
}

export async function findThought(tx: Tx, id: string, lock: RowLock): Promise<Thought | null> {
  await lockRow(tx, 'thoughts', id, lock);
  // Read after the lock, in a statement of its own, so the tags are as the last writer left them.
  const { rows } = await tx.query<ThoughtRow>(
    `SELECT t.*, ARRAY(SELECT tag FROM thought_tags g WHERE g.thought_id = t.id ORDER BY ordinal) AS tags
       FROM thoughts t WHERE t.id = $1`,
    [id],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        ownerId: row.owner_id,
        text: row.text,
        tags: row.tags,
        version: row.version,
        createdAt: iso(row.created_at)!,
        updatedAt: iso(row.updated_at)!,
        deletedAt: iso(row.deleted_at),
      }
    : null;
}

/** Writes the thought as it now stands (row and tag set): inserts it at version 1, else replaces it. */
export async function saveThought(tx: Tx, thought: Thought): Promise<void> {
  if (thought.version === 1) {
    await tx.query(
      `INSERT INTO thoughts (id, owner_id, text, version, created_at, updated_at, deleted_at) VALUES ($1, $2, $3, 1, $4, $5, $6)`,
      [thought.id, thought.ownerId, thought.text, thought.createdAt, thought.updatedAt, thought.deletedAt],
    );
  } else {
    const { rowCount } = await tx.query(
      `UPDATE thoughts SET text = $3, version = $4, updated_at = $5, deleted_at = $6
       WHERE id = $1 AND owner_id = $2 AND version = $4 - 1`,
      [thought.id, thought.ownerId, thought.text, thought.version, thought.updatedAt, thought.deletedAt],
    );
    // The row was loaded FOR UPDATE, so this only fires on a wiring bug (a save without the lock).
    if (rowCount !== 1) throw new Error(`thought ${thought.id} was not at version ${thought.version - 1}`);
    await tx.query('DELETE FROM thought_tags WHERE thought_id = $1', [thought.id]);
  }
  if (thought.tags.length > 0) {
    await tx.query(
      `INSERT INTO thought_tags (thought_id, tag, ordinal)
       SELECT $1, tag, ordinal - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(tag, ordinal)`,
      [thought.id, thought.tags],
    );
  }
}
