import type { Thought } from '../../domain/thought/thought.js';
import { aggregateColumns, aggregateOf, saveAggregateRow, saveTags, type SelectedAggregate } from './aggregate-row.js';
import { lockRow, type RowLock, type Tx } from './sql-client.js';

export async function findThought(tx: Tx, id: string, lock: RowLock): Promise<Thought | null> {
  await lockRow(tx, 'thoughts', id, lock);
  // Read after the lock, in a statement of its own, so the tags are as the last writer left them.
  const { rows } = await tx.query<SelectedAggregate<Thought, 'createdAt' | 'updatedAt' | 'deletedAt'>>(
    `SELECT ${aggregateColumns('t')}, t.deleted_at AS "deletedAt", t.text,
            ARRAY(SELECT tag FROM thought_tags g WHERE g.thought_id = t.id ORDER BY ordinal) AS tags
       FROM thoughts t WHERE t.id = $1`,
    [id],
  );
  return aggregateOf(rows[0], ['createdAt', 'updatedAt', 'deletedAt']);
}

/** Writes the thought as it now stands (row and tag set): inserts it at version 1, else replaces it. */
export async function saveThought(tx: Tx, thought: Thought): Promise<void> {
  await saveAggregateRow(tx, 'thoughts', thought, { text: thought.text, updated_at: thought.updatedAt, deleted_at: thought.deletedAt });
  await saveTags(tx, { table: 'thought_tags', key: 'thought_id' }, thought);
}
