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
};
