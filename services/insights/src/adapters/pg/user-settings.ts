import { randomUUID } from 'node:crypto';
import { withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import { insightsSettingsAggregateId, newEvent, type AnyEvent } from '@mindflow/events';
import { appendToOutbox } from '@mindflow/event-log';
import { insightsSource } from '../../application/analysis-worker.js';

type Sql = Pick<PoolClient, 'query'>;

/** Whether the user wants insights (the default when they never said). */
export async function insightsEnabled(sql: Sql, userId: string): Promise<boolean> {
  const { rows } = await sql.query<{ enabled: boolean }>('SELECT enabled FROM insights_settings WHERE user_id = $1', [userId]);
  return rows[0]?.enabled ?? true;
}

/**
 * Stores the user's setting and, when it changed (or was never stored), appends InsightsSettingChanged to the
 * insights outbox in the same transaction: consumers that send the user's words to an AI model (the weekly
 * reflection) learn it from the event, not from this table. Setting what is already set changes nothing.
 */
export async function setInsightsEnabled(pool: Pool, userId: string, enabled: boolean, at: Date, correlationId: string = randomUUID()): Promise<void> {
  await withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ version: number }>(
      `INSERT INTO insights_settings (user_id, enabled, updated_at, version) VALUES ($1, $2, $3, 1)
       ON CONFLICT (user_id) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at, version = insights_settings.version + 1
        WHERE insights_settings.enabled <> EXCLUDED.enabled
       RETURNING version`,
      [userId, enabled, at],
    );
    if (rows[0]) await appendToOutbox(tx, [settingChanged(userId, enabled, at, rows[0].version, correlationId)]);
  });
}

function settingChanged(userId: string, enabled: boolean, at: Date, version: number, correlationId: string): AnyEvent {
  return newEvent('InsightsSettingChanged', {
    eventId: randomUUID(), occurredAt: at.toISOString(), source: insightsSource, correlationId, causationId: null, userId,
    aggregateId: insightsSettingsAggregateId(userId), aggregateVersion: version,
    payload: { userId, enabled, changedAt: at.toISOString() },
  });
}

/**
 * Publishes the settings stored before they were published (version 0, migration 0003): without it a user who
 * turned insights off before the event existed would count as enabled downstream. Run at the subgraph's start;
 * concurrent starts skip each other's rows. Resolves with how many it published.
 */
export async function publishUnpublishedSettings(pool: Pool, now: Date): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ user_id: string; enabled: boolean; updated_at: Date }>(
      'SELECT user_id, enabled, updated_at FROM insights_settings WHERE version = 0 FOR UPDATE SKIP LOCKED');
    if (rows.length === 0) return 0;
    await tx.query('UPDATE insights_settings SET version = 1 WHERE user_id = ANY($1::uuid[])', [rows.map((r) => r.user_id)]);
    const correlationId = randomUUID();
    await appendToOutbox(tx, rows.map((r) => settingChanged(r.user_id, r.enabled, r.updated_at ?? now, 1, correlationId)));
    return rows.length;
  });
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
