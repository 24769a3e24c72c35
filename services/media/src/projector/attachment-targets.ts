import { createHash } from 'node:crypto';
import type { PoolClient } from '@mindflow/db';
import { newEvent, type AnyEvent } from '@mindflow/events';
import { appendToOutbox, type ReadModel } from '@mindflow/event-log';
import { queueObjectDeletions } from '../adapters/pg/pg-media-store.js';

/**
 * `media_targets`: every entry and thought with its owner and journal, which attachFile checks the target against,
 * and the deletions that take attachments with them. Deleting an entry, a thought or a journal removes their
 * attachments in the projection's transaction: rows deleted, AttachmentRemoved (TARGET_DELETED) in the media
 * outbox, objects queued for deletion (the sweeper and the projector's after-commit pass delete them for real).
 *
 * Order: each target's events arrive in their version order (the runtime's versions); a journal's deletion and
 * its entries' events are different aggregates, so either may come first: a journal deleted first marks its
 * known entries, and an entry created afterwards in a deleted journal is never attachable because the command
 * side refuses entries in deleted journals before the journal's deletion is written.
 */
export const attachmentTargets: ReadModel = {
  name: 'media_targets',
  handlers: {
    async JournalEntryCreated(event, tx) {
      await upsertTarget(tx, event.payload.entryId, 'Entry', event.userId, event.payload.journalId);
    },
    async JournalEntryUpdated(event, tx) {
      await upsertTarget(tx, event.payload.entryId, 'Entry', event.userId, event.payload.journalId);
      await tx.query('UPDATE media_attachments SET journal_id = $2 WHERE target_id = $1 AND journal_id IS DISTINCT FROM $2', [event.payload.entryId, event.payload.journalId]);
    },
    // The entry's versions must stay contiguous for this projection; a mood changes nothing here.
    async MoodRecorded() {},
    async JournalEntryDeleted(event, tx) {
      await deleteTargets(tx, event, 'target_id = $1', [event.payload.entryId]);
    },
    async ThoughtCaptured(event, tx) {
      await upsertTarget(tx, event.payload.thoughtId, 'Thought', event.userId, null);
    },
    async ThoughtUpdated() {},
    async ThoughtDeleted(event, tx) {
      await deleteTargets(tx, event, 'target_id = $1', [event.payload.thoughtId]);
    },
    // A journal's versions too; only its deletion matters (its entries go with it).
    async JournalCreated() {},
    async JournalUpdated() {},
    async JournalDeleted(event, tx) {
      await deleteTargets(tx, event, 'journal_id = $1', [event.payload.journalId]);
    },
  },
};

async function upsertTarget(tx: PoolClient, targetId: string, type: 'Entry' | 'Thought', ownerId: string, journalId: string | null): Promise<void> {
  // A replay over existing rows writes the same; a deleted target stays deleted (its deletion is a later version).
  await tx.query(
    `INSERT INTO media_targets (target_id, target_type, owner_id, journal_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (target_id) DO UPDATE SET journal_id = EXCLUDED.journal_id`,
    [targetId, type, ownerId, journalId],
  );
}

async function deleteTargets(tx: PoolClient, cause: AnyEvent, where: string, params: unknown[]): Promise<void> {
  const deletedAt = new Date(cause.occurredAt);
  // The row lock waits for an attachFile that holds the target FOR SHARE; its attachment is then removed too.
  await tx.query(`UPDATE media_targets SET deleted_at = COALESCE(deleted_at, $${params.length + 1}) WHERE ${where}`, [...params, deletedAt]);
  const { rows } = await tx.query<{ attachmentId: string; ownerId: string; targetType: 'Entry' | 'Thought'; targetId: string; objectKey: string; thumbnailKey: string | null }>(
    `DELETE FROM media_attachments WHERE target_id IN (SELECT target_id FROM media_targets WHERE ${where})
     RETURNING attachment_id AS "attachmentId", owner_id AS "ownerId", target_type AS "targetType", target_id AS "targetId",
               object_key AS "objectKey", thumbnail_key AS "thumbnailKey"`,
    params,
  );
  if (rows.length === 0) return;
  await queueObjectDeletions(tx, rows.flatMap((r) => [r.objectKey, ...(r.thumbnailKey ? [r.thumbnailKey] : [])]), deletedAt);
  await appendToOutbox(
    tx,
    rows.map((row) =>
      newEvent('AttachmentRemoved', {
        // Derived from the cause and the attachment: the same deletion names the same event, wherever it is seen.
        eventId: derivedId(`${cause.eventId}:${row.attachmentId}`),
        occurredAt: cause.occurredAt,
        source: 'media',
        correlationId: cause.correlationId,
        causationId: cause.eventId,
        userId: row.ownerId,
        aggregateId: row.attachmentId,
        aggregateVersion: 2,
        payload: { attachmentId: row.attachmentId, targetType: row.targetType, targetId: row.targetId, reason: 'TARGET_DELETED', removedAt: cause.occurredAt },
      }),
    ),
  );
}

/** A name-based id (UUID v5 layout over SHA-1). */
function derivedId(name: string): string {
  const bytes = createHash('sha1').update('mindflow-media:').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
