import type { Pool } from '@mindflow/db';
import DataLoader from 'dataloader';
import { insightsOfEntries, type StoredInsights } from '../adapters/pg/insights-rows.js';

export type InsightsLoader = DataLoader<string, StoredInsights | null>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One query per request for all the entries whose insights it asks for, only ever the caller's: another
 * user's entry (or a malformed id) simply has none.
 */
export function createInsightsLoader(pool: Pool, userId: string): InsightsLoader {
  return new DataLoader(async (entryIds: readonly string[]) => {
    const ids = entryIds.map((id) => id.toLowerCase());
    const rows = await insightsOfEntries(pool, userId, ids.filter((id) => uuid.test(id)));
    const byId = new Map(rows.map((row) => [row.entryId, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
