import type { PoolClient } from '@mindflow/db';
import type { PendingAnalysis } from '../../application/ports/analysis-store.js';

type Sql = Pick<PoolClient, 'query'>;

export type { PendingAnalysis };

/** The first time this entry was queued, if it is still waiting (the debounce's longest wait counts from it). */
export async function firstQueuedAt(tx: Sql, entryId: string): Promise<Date | undefined> {
  const { rows } = await tx.query<{ first_queued_at: Date }>('SELECT first_queued_at FROM pending_analyses WHERE entry_id = $1', [entryId]);
  return rows[0]?.first_queued_at;
}

/** Queues a version, replacing an older queued one of the same entry (and releasing any lease on it). */
export async function queueAnalysis(tx: Sql, work: PendingAnalysis, firstQueued: Date, dueAt: Date): Promise<void> {
  await tx.query(
    `INSERT INTO pending_analyses (entry_id, user_id, entry_version, author_plan, title, content, correlation_id,
                                   causation_id, first_queued_at, due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (entry_id) DO UPDATE SET entry_version = EXCLUDED.entry_version, author_plan = EXCLUDED.author_plan,
       title = EXCLUDED.title, content = EXCLUDED.content, correlation_id = EXCLUDED.correlation_id,
       causation_id = EXCLUDED.causation_id, due_at = EXCLUDED.due_at, claimed_until = NULL
     WHERE pending_analyses.entry_version < EXCLUDED.entry_version`,
    [work.entryId, work.userId, work.entryVersion, work.authorPlan, work.title, work.content, work.correlationId, work.causationId, firstQueued, dueAt],
  );
}

export async function dropPendingAnalysis(tx: Sql, entryId: string): Promise<void> {
  await tx.query('DELETE FROM pending_analyses WHERE entry_id = $1', [entryId]);
}

/**
 * Takes a lease on up to `limit` due entries that nobody holds (or whose holder's lease ran out), oldest
 * due first. SKIP LOCKED lets several workers share the table without waiting on each other.
 */
export async function claimDueAnalyses(sql: Sql, limit: number, leaseMs: number, now: Date): Promise<PendingAnalysis[]> {
  const { rows } = await sql.query<Row>(
    `UPDATE pending_analyses p SET claimed_until = $3::timestamptz + make_interval(secs => $2::double precision / 1000)
     FROM (SELECT entry_id FROM pending_analyses
           WHERE due_at <= $3::timestamptz AND (claimed_until IS NULL OR claimed_until < $3::timestamptz)
           ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
     WHERE p.entry_id = due.entry_id
     RETURNING p.entry_id, p.user_id, p.entry_version, p.author_plan, p.title, p.content, p.correlation_id, p.causation_id`,
    [limit, leaseMs, now],
  );
  return rows.map((row) => ({
    entryId: row.entry_id,
    userId: row.user_id,
    entryVersion: row.entry_version,
    authorPlan: row.author_plan === 'premium' ? 'premium' : 'free',
    title: row.title,
    content: row.content,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
  }));
}

/** Removes the work if it is still this version (a newer edit or a delete leaves it alone): true when removed. */
export async function settlePendingAnalysis(tx: Sql, entryId: string, entryVersion: number): Promise<boolean> {
  const { rowCount } = await tx.query('DELETE FROM pending_analyses WHERE entry_id = $1 AND entry_version = $2', [entryId, entryVersion]);
  return rowCount === 1;
}

/** Lets another attempt take the work at `dueAt` (the analysis could not be settled now). */
export async function releasePendingAnalysis(sql: Sql, entryId: string, entryVersion: number, dueAt: Date): Promise<void> {
  await sql.query(
    `UPDATE pending_analyses SET claimed_until = NULL, due_at = $3 WHERE entry_id = $1 AND entry_version = $2`,
    [entryId, entryVersion, dueAt],
  );
}

/** When the next queued work falls due, if any (the worker sleeps until then). */
export async function nextDueAt(sql: Sql): Promise<Date | undefined> {
  const { rows } = await sql.query<{ at: Date | null }>(
    'SELECT min(greatest(due_at, coalesce(claimed_until, due_at))) AS at FROM pending_analyses',
  );
  return rows[0]?.at ?? undefined;
}

interface Row {
  entry_id: string;
  user_id: string;
  entry_version: number;
  author_plan: string;
  title: string | null;
  content: string;
  correlation_id: string;
  causation_id: string;
}

/** Forgets every queued analysis of a user (they turned insights off). */
export async function dropPendingForUser(sql: Sql, userId: string): Promise<void> {
  await sql.query('DELETE FROM pending_analyses WHERE user_id = $1', [userId]);
}
