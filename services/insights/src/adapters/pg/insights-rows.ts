import type { PoolClient } from '@mindflow/db';
import type { StoredInsights } from '../../application/ports/analysis-store.js';

type Sql = Pick<PoolClient, 'query'>;

// The subgraph's generated resolver types name stored insights by this module.
export type { StoredInsights };

/** The insights aggregate's progress for an entry: its last event version and the last entry version settled. */
export async function progressOf(sql: Sql, entryId: string, lock = false): Promise<{ insightsVersion: number; settledVersion: number }> {
  const { rows } = await sql.query<{ insights_version: number; settled_version: number }>(
    `SELECT insights_version, settled_version FROM insights_progress WHERE entry_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [entryId],
  );
  return { insightsVersion: rows[0]?.insights_version ?? 0, settledVersion: rows[0]?.settled_version ?? 0 };
}

export async function saveProgress(tx: Sql, entryId: string, insightsVersion: number, settledVersion: number): Promise<void> {
  await tx.query(
    `INSERT INTO insights_progress (entry_id, insights_version, settled_version) VALUES ($1, $2, $3)
     ON CONFLICT (entry_id) DO UPDATE SET insights_version = EXCLUDED.insights_version, settled_version = EXCLUDED.settled_version`,
    [entryId, insightsVersion, settledVersion],
  );
}

export async function saveInsights(tx: Sql, insights: StoredInsights): Promise<void> {
  await tx.query(
    `INSERT INTO entry_insights (entry_id, user_id, entry_version, sentiment, themes, summary, suggestions, generated_by, generated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (entry_id) DO UPDATE SET entry_version = EXCLUDED.entry_version, sentiment = EXCLUDED.sentiment,
       themes = EXCLUDED.themes, summary = EXCLUDED.summary, suggestions = EXCLUDED.suggestions,
       generated_by = EXCLUDED.generated_by, generated_at = EXCLUDED.generated_at`,
    [
      insights.entryId,
      insights.userId,
      insights.entryVersion,
      insights.sentiment,
      insights.themes,
      insights.summary,
      insights.suggestions,
      insights.generatedBy,
      insights.generatedAt,
    ],
  );
}

/** Forgets an entry's insights (the entry was deleted); its progress stays so a late redelivery changes nothing. */
export async function dropInsights(tx: Sql, entryId: string): Promise<void> {
  await tx.query('DELETE FROM entry_insights WHERE entry_id = $1', [entryId]);
}

/** The caller's insights for these entries (another user's entries simply have none). */
export async function insightsOfEntries(sql: Sql, userId: string, entryIds: readonly string[]): Promise<StoredInsights[]> {
  const { rows } = await sql.query<{
    entry_id: string;
    user_id: string;
    entry_version: number;
    sentiment: number;
    themes: string[];
    summary: string;
    suggestions: string[];
    generated_by: string;
    generated_at: Date;
  }>(
    `SELECT entry_id, user_id, entry_version, sentiment, themes, summary, suggestions, generated_by, generated_at
     FROM entry_insights WHERE user_id = $1 AND entry_id = ANY($2::uuid[])`,
    [userId, entryIds],
  );
  return rows.map((row) => ({
    entryId: row.entry_id,
    userId: row.user_id,
    entryVersion: row.entry_version,
    sentiment: row.sentiment,
    themes: row.themes,
    summary: row.summary,
    suggestions: row.suggestions,
    generatedBy: row.generated_by,
    generatedAt: row.generated_at,
  }));
}
