import type { ReadModel } from '@mindflow/event-log';

/**
 * `thoughts_view`: one row per thought, soft-deleted rows kept (`deleted_at`) so a late duplicate can
 * never resurrect one. A thought's events arrive in version order (the runtime sees to it) and touch
 * only their own row: no shared keys.
 */
export const thoughtsView: ReadModel = {
  name: 'thoughts_view',
  handlers: {
    async ThoughtCaptured(event, tx) {
      const p = event.payload;
      // ON CONFLICT: a rebuild over existing rows replays the capture onto the row it made before.
      await tx.query(
        `INSERT INTO thoughts_view (thought_id, owner_id, text, tags, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (thought_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, text = EXCLUDED.text, tags = EXCLUDED.tags,
           version = EXCLUDED.version, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL`,
        [p.thoughtId, event.userId, p.text, p.tags, event.aggregateVersion, p.capturedAt],
      );
    },

    async ThoughtUpdated(event, tx) {
      const p = event.payload;
      await tx.query('UPDATE thoughts_view SET text = $2, tags = $3, version = $4, updated_at = $5 WHERE thought_id = $1', [
        p.thoughtId,
        p.text,
        p.tags,
        event.aggregateVersion,
        p.updatedAt,
      ]);
    },

    async ThoughtDeleted(event, tx) {
      const p = event.payload;
      await tx.query('UPDATE thoughts_view SET deleted_at = $2, updated_at = $2, version = $3 WHERE thought_id = $1', [
        p.thoughtId,
        p.deletedAt,
        event.aggregateVersion,
      ]);
    },
  },
  // The same effects for a chunk of thoughts at a time: one statement per event type.
  batchHandlers: {
    async ThoughtCaptured(events, tx) {
      const rows = events.map(({ payload: p, userId, aggregateVersion }) => ({
        thought_id: p.thoughtId, owner_id: userId, text: p.text, tags: p.tags, version: aggregateVersion, created_at: p.capturedAt,
      }));
      await tx.query(
        `INSERT INTO thoughts_view (thought_id, owner_id, text, tags, version, created_at, updated_at)
         SELECT r.thought_id, r.owner_id, r.text, r.tags, r.version, r.created_at, r.created_at
         FROM jsonb_to_recordset($1::jsonb) AS r(thought_id uuid, owner_id uuid, text text, tags text[], version int, created_at timestamptz)
         ON CONFLICT (thought_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, text = EXCLUDED.text, tags = EXCLUDED.tags,
           version = EXCLUDED.version, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, deleted_at = NULL`,
        [JSON.stringify(rows)],
      );
    },

    async ThoughtUpdated(events, tx) {
      const rows = events.map(({ payload: p, aggregateVersion }) => ({ thought_id: p.thoughtId, text: p.text, tags: p.tags, version: aggregateVersion, updated_at: p.updatedAt }));
      await tx.query(
        `UPDATE thoughts_view t SET text = r.text, tags = r.tags, version = r.version, updated_at = r.updated_at
         FROM jsonb_to_recordset($1::jsonb) AS r(thought_id uuid, text text, tags text[], version int, updated_at timestamptz)
         WHERE t.thought_id = r.thought_id`,
        [JSON.stringify(rows)],
      );
    },

    async ThoughtDeleted(events, tx) {
      const rows = events.map(({ payload: p, aggregateVersion }) => ({ thought_id: p.thoughtId, deleted_at: p.deletedAt, version: aggregateVersion }));
      await tx.query(
        `UPDATE thoughts_view t SET deleted_at = r.deleted_at, updated_at = r.deleted_at, version = r.version
         FROM jsonb_to_recordset($1::jsonb) AS r(thought_id uuid, deleted_at timestamptz, version int)
         WHERE t.thought_id = r.thought_id`,
        [JSON.stringify(rows)],
      );
    },
  },
};
