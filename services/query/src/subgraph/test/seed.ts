import { randomUUID } from 'node:crypto';
import type { Pool } from '@mindflow/db';

// Rows as the query projector writes them, inserted directly: the subgraph's tests need a read side,
// not the whole event pipeline.

export interface SeedJournal {
  id?: string;
  ownerId: string;
  name?: string;
  createdAt?: string;
  deleted?: boolean;
  entryCount?: number;
}

export async function seedJournal(pool: Pool, journal: SeedJournal): Promise<string> {
  const id = journal.id ?? randomUUID();
  await pool.query(
    `INSERT INTO journals_view (journal_id, owner_id, name, description, color, icon, is_private, version, entry_count,
       created_at, updated_at, deleted_at)
     VALUES ($1, $2, $3, 'about it', '#336699', 'book', false, 1, $4, $5, $5, $6)`,
    [id, journal.ownerId, journal.name ?? 'Journal', journal.entryCount ?? 0, journal.createdAt ?? new Date().toISOString(),
      journal.deleted ? new Date().toISOString() : null],
  );
  await pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [id]);
  return id;
}

export interface SeedEntry {
  id?: string;
  journalId: string;
  ownerId: string;
  title?: string;
  content?: string;
  mood?: string | null;
  tags?: string[];
  createdAt?: string;
}

export async function seedEntry(pool: Pool, entry: SeedEntry): Promise<string> {
  const id = entry.id ?? randomUUID();
  const content = entry.content ?? 'Some words of the day';
  await pool.query(
    `INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags, word_count, version,
       created_at, updated_at)
     VALUES ($1, $2, $3, 'Journal', $4, $5, $6, $7, $8, 1, $9, $9)`,
    [id, entry.journalId, entry.ownerId, entry.title ?? 'A title', content, entry.mood === undefined ? 'GOOD' : entry.mood,
      entry.tags ?? [], content.split(/\s+/).filter(Boolean).length, entry.createdAt ?? new Date().toISOString()],
  );
  await pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [id]);
  return id;
}

export interface SeedThought {
  id?: string;
  ownerId: string;
  text?: string;
  tags?: string[];
  createdAt?: string;
  deleted?: boolean;
}

export async function seedThought(pool: Pool, thought: SeedThought): Promise<string> {
  const id = thought.id ?? randomUUID();
  const at = thought.createdAt ?? new Date().toISOString();
  await pool.query(
    `INSERT INTO thoughts_view (thought_id, owner_id, text, tags, version, created_at, updated_at, deleted_at)
     VALUES ($1, $2, $3, $4, 1, $5, $5, $6)`,
    [id, thought.ownerId, thought.text ?? 'A thought', thought.tags ?? [], at, thought.deleted ? at : null],
  );
  await pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [id]);
  return id;
}

export interface SeedTask {
  id?: string;
  ownerId: string;
  title?: string;
  date: string;
  dueTime?: string | null;
  recurrence?: string | null;
  /** The series' last day ('infinity' when endless), as the projector computes it. */
  lastDate?: string;
  completed?: boolean;
  /** Days of a recurring task completed on their own (task_occurrences_view). */
  completedOccurrences?: string[];
  deleted?: boolean;
}

export async function seedTask(pool: Pool, task: SeedTask): Promise<string> {
  const id = task.id ?? randomUUID();
  const now = new Date().toISOString();
  await pool.query(
    `INSERT INTO tasks_view (task_id, owner_id, title, description, date, due_time, priority, category, recurrence, last_date,
       completed, completed_at, version, created_at, updated_at, deleted_at)
     VALUES ($1, $2, $3, NULL, $4, $5, 'MEDIUM', 'general', $6, $7, $8, $9, 1, $10, $10, $11)`,
    [id, task.ownerId, task.title ?? 'Task', task.date, task.dueTime ?? null, task.recurrence ?? null,
      task.lastDate ?? (task.recurrence ? 'infinity' : task.date), task.completed ?? false, task.completed ? now : null, now,
      task.deleted ? now : null],
  );
  for (const day of task.completedOccurrences ?? []) {
    await pool.query('INSERT INTO task_occurrences_view (task_id, owner_id, occurrence, completed_at) VALUES ($1, $2, $3, $4)', [id, task.ownerId, day, `${day}T18:00:00Z`]);
  }
  await pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [id]);
  return id;
}

export interface SeedCalendarEvent {
  id?: string;
  ownerId: string;
  title?: string;
  startsAt: string;
  endsAt: string;
  recurrence?: string | null;
  lastEndsAt?: string;
  cancelled?: boolean;
}

export async function seedCalendarEvent(pool: Pool, event: SeedCalendarEvent): Promise<string> {
  const id = event.id ?? randomUUID();
  const now = new Date().toISOString();
  await pool.query(
    `INSERT INTO calendar_events_view (event_id, owner_id, title, starts_at, ends_at, recurrence, last_ends_at, version, created_at,
       updated_at, cancelled_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9)`,
    [id, event.ownerId, event.title ?? 'Event', event.startsAt, event.endsAt, event.recurrence ?? null,
      event.lastEndsAt ?? (event.recurrence ? 'infinity' : event.endsAt), now, event.cancelled ? now : null],
  );
  await pool.query(`INSERT INTO projection_versions (projection, aggregate_id, version) VALUES ('query', $1, 1)`, [id]);
  return id;
}
