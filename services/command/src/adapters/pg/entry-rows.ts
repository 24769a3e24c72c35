import type { Entry, Mood } from '../../domain/entry/entry.js';
import { iso, lockRow, type RowLock, type Tx } from './sql-client.js';

interface EntryRow {
  id: string;
  journal_id: string;
  owner_id: string;
  title: string | null;
  content: string;
  mood: Mood | null;
  weather: string | null;
  location: string | null;
  word_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  tags: string[];
}

export async function findEntry(tx: Tx, id: string, lock: RowLock): Promise<Entry | null> {
  await lockRow(tx, 'entries', id, lock);
  // Read after the lock, in a statement of its own, so the tags are as the last writer left them.
  const { rows } = await tx.query<EntryRow>(
    `SELECT e.*, ARRAY(SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY ordinal) AS tags
       FROM entries e WHERE e.id = $1`,
    [id],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        journalId: row.journal_id,
        ownerId: row.owner_id,
        title: row.title,
        content: row.content,
        mood: row.mood,
        tags: row.tags,
        weather: row.weather,
        location: row.location,
        wordCount: row.word_count,
        version: row.version,
        createdAt: iso(row.created_at)!,
        updatedAt: iso(row.updated_at)!,
        deletedAt: iso(row.deleted_at),
      }
    : null;
}

/** Writes the entry as it now stands (row and tag set): inserts it at version 1, else replaces it. */
export async function saveEntry(tx: Tx, entry: Entry): Promise<void> {
  const values = [
    entry.id,
    entry.ownerId,
    entry.title,
    entry.content,
    entry.mood,
    entry.weather,
    entry.location,
    entry.wordCount,
    entry.version,
    entry.updatedAt,
    entry.deletedAt,
  ];
  if (entry.version === 1) {
    await tx.query(
      `INSERT INTO entries (id, owner_id, title, content, mood, weather, location, word_count, version, updated_at,
         deleted_at, journal_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [...values, entry.journalId, entry.createdAt],
    );
  } else {
    const { rowCount } = await tx.query(
      `UPDATE entries SET title = $3, content = $4, mood = $5, weather = $6, location = $7, word_count = $8,
         version = $9, updated_at = $10, deleted_at = $11, journal_id = $12
       WHERE id = $1 AND owner_id = $2 AND version = $9 - 1`,
      [...values, entry.journalId],
    );
    // The row was loaded FOR UPDATE, so this only fires on a wiring bug (a save without the lock).
    if (rowCount !== 1) throw new Error(`entry ${entry.id} was not at version ${entry.version - 1}`);
    await tx.query('DELETE FROM entry_tags WHERE entry_id = $1', [entry.id]);
  }
  if (entry.tags.length > 0) {
    await tx.query(
      `INSERT INTO entry_tags (entry_id, tag, ordinal)
       SELECT $1, tag, ordinal - 1 FROM unnest($2::text[]) WITH ORDINALITY AS t(tag, ordinal)`,
      [entry.id, entry.tags],
    );
  }
}
