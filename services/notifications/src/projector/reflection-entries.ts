import type { PoolClient } from '@mindflow/db';
import type { ReadModel } from '@mindflow/event-log';

/** The key of a user's `reflection_authors` row, among the runtime's shared keys (`<schema>:<key>`). */
export const reflectionAuthorKey = (userId: string) => `reflection-author:${userId}`;

/**
 * The author's plan as their entry events say it (`authorPlan`; absent on events written before it: nothing
 * learnt), the latest event's winning: whether their scheduled weekly reflection is Claude's.
 */
async function rememberPlan(tx: Pick<PoolClient, 'query'>, userId: string, plan: 'free' | 'premium' | undefined, at: string): Promise<void> {
  if (!plan) return;
  await tx.query(
    `INSERT INTO reflection_authors (user_id, plan, seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET plan = EXCLUDED.plan, seen_at = EXCLUDED.seen_at WHERE reflection_authors.seen_at <= EXCLUDED.seen_at`,
    [userId, plan, at],
  );
}

/**
 * `reflection_entries`: each live entry of every user, compact (title, content, mood, created at), with the
 * themes and sentiment of its latest insights: what the daily prompt's question and the weekly reflection read.
 * The entry, journal and insights streams may come in any order (0003-reflection-entries-any-order.sql): an
 * entry's insights are kept in `reflection_insights` until the entry comes, a deleted entry's insights row says
 * so (later insights are ignored), a deleted journal is remembered (its entries' later events project nothing).
 * Entry events touch only their own entry's rows, but for their author's plan (`reflection_authors`, one row per
 * user, shared by all their entries): an entry event that carries the plan takes its author's key (`sharedKeys`),
 * which the runtime locks before the chunk, with every other key of the chunk, in one global order. Without it,
 * chunks of several partitions upserted their authors' rows each in its own event order and deadlocked (40P01,
 * retried in halves) whenever two of them shared two authors (concurrent-chunks.int.spec.ts). A journal's
 * deletion touches only its own entries.
 */
export const reflectionEntries: ReadModel = {
  name: 'reflection_entries',
  sharedKeys: (event) =>
    (event.eventType === 'JournalEntryCreated' || event.eventType === 'JournalEntryUpdated') && event.payload.authorPlan ? [reflectionAuthorKey(event.userId)] : [],
  handlers: {
    async JournalEntryCreated(event, tx) {
      const p = event.payload;
      // ON CONFLICT: a replay over existing rows writes the entry again, keeping its insights.
      await tx.query(
        `INSERT INTO reflection_entries (entry_id, user_id, journal_id, title, content, mood, created_at, themes, sentiment)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, $7::timestamptz, COALESCE(i.themes, '{}'), i.sentiment
           FROM (SELECT 1) AS one
           LEFT JOIN reflection_insights i ON i.entry_id = $1::uuid
          WHERE NOT EXISTS (SELECT 1 FROM reflection_deleted_journals WHERE journal_id = $3::uuid)
            AND NOT COALESCE(i.entry_deleted, false)
         ON CONFLICT (entry_id) DO UPDATE SET user_id = EXCLUDED.user_id, journal_id = EXCLUDED.journal_id, title = EXCLUDED.title,
           content = EXCLUDED.content, mood = EXCLUDED.mood, created_at = EXCLUDED.created_at`,
        [p.entryId, event.userId, p.journalId, p.title, p.content, p.mood, p.createdAt],
      );
      await rememberPlan(tx, event.userId, p.authorPlan, event.occurredAt);
    },

    async JournalEntryUpdated(event, tx) {
      const p = event.payload;
      await tx.query(
        // a redating (createdAt present) moves the entry to the week it is about
        `UPDATE reflection_entries SET journal_id = $2, title = $3, content = $4, mood = $5, created_at = coalesce($6, created_at)
          WHERE entry_id = $1 AND NOT EXISTS (SELECT 1 FROM reflection_deleted_journals WHERE journal_id = $2)`,
        [p.entryId, p.journalId, p.title, p.content, p.mood, p.createdAt ?? null],
      );
      // moved into a journal deleted before: gone with it
      await tx.query('DELETE FROM reflection_entries WHERE entry_id = $1 AND journal_id IN (SELECT journal_id FROM reflection_deleted_journals)', [p.entryId]);
      await rememberPlan(tx, event.userId, p.authorPlan, event.occurredAt);
    },

    async MoodRecorded(event, tx) {
      await tx.query('UPDATE reflection_entries SET mood = $2 WHERE entry_id = $1', [event.payload.entryId, event.payload.mood]);
    },

    async JournalEntryDeleted(event, tx) {
      const { entryId } = event.payload;
      await tx.query('DELETE FROM reflection_entries WHERE entry_id = $1', [entryId]);
      await tx.query(
        `INSERT INTO reflection_insights (entry_id, user_id, entry_deleted) VALUES ($1, $2, true)
         ON CONFLICT (entry_id) DO UPDATE SET entry_deleted = true, themes = '{}', sentiment = NULL`,
        [entryId, event.userId],
      );
    },

    async JournalDeleted(event, tx) {
      const { journalId } = event.payload;
      await tx.query('INSERT INTO reflection_deleted_journals (journal_id) VALUES ($1) ON CONFLICT DO NOTHING', [journalId]);
      await tx.query('DELETE FROM reflection_entries WHERE journal_id = $1', [journalId]);
    },

    // The entry's latest insights (an entry's insights events come in order: the last one is the newest
    // analysis). Sentiment null when the analyzer could not read the text.
    async AIInsightsGenerated(event, tx) {
      const p = event.payload;
      const sentiment = p.analysed ? p.sentiment : null;
      await tx.query(
        `INSERT INTO reflection_insights (entry_id, user_id, themes, sentiment) VALUES ($1, $2, $3, $4)
         ON CONFLICT (entry_id) DO UPDATE SET themes = EXCLUDED.themes, sentiment = EXCLUDED.sentiment
         WHERE NOT reflection_insights.entry_deleted`,
        [p.entryId, event.userId, p.themes, sentiment],
      );
      await tx.query('UPDATE reflection_entries SET themes = $2, sentiment = $3 WHERE entry_id = $1', [p.entryId, p.themes, sentiment]);
    },

    // The user turned AI insights on or off: off, their weekly reflection is the local one, never Claude's. The
    // setting aggregate's latest version wins.
    async InsightsSettingChanged(event, tx) {
      const p = event.payload;
      await tx.query(
        `INSERT INTO reflection_insights_settings (user_id, insights_enabled, version, changed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET insights_enabled = EXCLUDED.insights_enabled, version = EXCLUDED.version, changed_at = EXCLUDED.changed_at
          WHERE reflection_insights_settings.version < EXCLUDED.version`,
        [p.userId, p.enabled, event.aggregateVersion, p.changedAt],
      );
    },
  },
};
