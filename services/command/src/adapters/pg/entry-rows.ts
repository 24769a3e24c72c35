import type { Entry } from '../../domain/entry/entry.js';
import { aggregateColumns, aggregateOf, saveAggregateRow, saveTags, type SelectedAggregate } from './aggregate-row.js';
import { lockRow, type RowLock, type Tx } from './sql-client.js';

export async function findEntry(tx: Tx, id: string, lock: RowLock): Promise<Entry | null> {
  await lockRow(tx, 'entries', id, lock);
  // Read after the lock, in a statement of its own, so the tags are as the last writer left them.
  const { rows } = await tx.query<SelectedAggregate<Entry, 'createdAt' | 'updatedAt' | 'deletedAt'>>(
    `SELECT ${aggregateColumns('e')}, e.deleted_at AS "deletedAt", e.journal_id AS "journalId", e.title, e.content, e.mood,
            e.weather, e.location, e.word_count AS "wordCount",
            ARRAY(SELECT tag FROM entry_tags t WHERE t.entry_id = e.id ORDER BY ordinal) AS tags
       FROM entries e WHERE e.id = $1`,
    [id],
  );
  return aggregateOf(rows[0], ['createdAt', 'updatedAt', 'deletedAt']);
}

/** Writes the entry as it now stands (row and tag set): inserts it at version 1, else replaces it. */
export async function saveEntry(tx: Tx, entry: Entry): Promise<void> {
  await saveAggregateRow(tx, 'entries', entry, {
    title: entry.title,
    content: entry.content,
    mood: entry.mood,
    weather: entry.weather,
    location: entry.location,
    word_count: entry.wordCount,
    updated_at: entry.updatedAt,
    deleted_at: entry.deletedAt,
    journal_id: entry.journalId,
  });
  await saveTags(tx, { table: 'entry_tags', key: 'entry_id' }, entry);
}
