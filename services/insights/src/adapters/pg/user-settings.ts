import type { PoolClient } from '@mindflow/db';

type Sql = Pick<PoolClient, 'query'>;

/** Whether the user wants insights (the default when they never said). */
export async function insightsEnabled(sql: Sql, userId: string): Promise<boolean> {
  const { rows } = await sql.query<{ enabled: boolean }>('SELECT enabled FROM insights_settings WHERE user_id = $1', [userId]);
  return rows[0]?.enabled ?? true;
}

export async function setInsightsEnabled(sql: Sql, userId: string, enabled: boolean, at: Date): Promise<void> {
  await sql.query(
    `INSERT INTO insights_settings (user_id, enabled, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
    [userId, enabled, at],
  );
}

/**
 * Reserves one Claude analysis of the user's budget for `day` if `dailyBudget` allows it: true when
 * reserved. One statement, so concurrent workers cannot overspend.
 */
export async function reserveClaudeCall(sql: Sql, userId: string, day: string, dailyBudget: number): Promise<boolean> {
  if (dailyBudget <= 0) return false;
  const { rowCount } = await sql.query(
    `INSERT INTO claude_usage (user_id, day, calls) VALUES ($1, $2, 1)
     ON CONFLICT (user_id, day) DO UPDATE SET calls = claude_usage.calls + 1 WHERE claude_usage.calls < $3`,
    [userId, day, dailyBudget],
  );
  return rowCount === 1;
}

export async function claudeCallsOn(sql: Sql, userId: string, day: string): Promise<number> {
  const { rows } = await sql.query<{ calls: number }>('SELECT calls FROM claude_usage WHERE user_id = $1 AND day = $2', [userId, day]);
  return rows[0]?.calls ?? 0;
}
