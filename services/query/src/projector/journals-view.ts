import type { ReadModel } from '@mindflow/event-log';
import { entryCountMoves } from './entry-count-moves.js';

/**
 * `journals_view`: one row per journal, with its live entry count. Entries travel on another stream than
 * journals, so an entry can be projected before its journal: the count is therefore taken from
 * `entries_view` when the journal appears, and kept up by the entry handlers afterwards (set-based, both under
 * the owner's shared lock and per-journal locks at the chunk's end, see `entryCountMoves`).
 */
export const journalsView: ReadModel = {
  name: 'journals_view',
  // A journal's deletion and renaming rewrite its entries' rows and its count at once: exclusive (entry chunks take the
  // key shared). Its creation, set-based, counts and names under per-journal locks at the chunk's end (`entryCountMoves`):
  // shared beside entry chunks, exclusive one by one.
  sharedKeys: (event) => (event.aggregateType === 'journal' && event.eventType !== 'JournalCreated' ? [ownerKey(event.userId)] : []),
  commutativeKeys: (event) => (event.eventType === 'JournalCreated' ? [ownerKey(event.userId)] : []),
  batchAlways: true,
  handlers: {
    async JournalCreated(event, tx) {
      const p = event.payload;
      await tx.query(
        `INSERT INTO journals_view (journal_id, owner_id, name, description, color, icon, is_private, version,
                                    entry_count, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
                 (SELECT count(*) FROM entries_view WHERE journal_id = $1 AND deleted_at IS NULL), $9, $9)
         ON CONFLICT (journal_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, name = EXCLUDED.name,
           description = EXCLUDED.description, color = EXCLUDED.color, icon = EXCLUDED.icon,
           is_private = EXCLUDED.is_private, version = EXCLUDED.version, entry_count = EXCLUDED.entry_count,
           created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
        [p.journalId, event.userId, p.name, p.description, p.color, p.icon, p.isPrivate, event.aggregateVersion, p.createdAt],
      );
      await tx.query('UPDATE entries_view SET journal_name = $2 WHERE journal_id = $1', [p.journalId, p.name]);
    },

    async JournalUpdated(event, tx) {
      const p = event.payload;
      await tx.query(
        `UPDATE journals_view SET name = $2, description = $3, color = $4, icon = $5, is_private = $6,
           version = $7, updated_at = $8 WHERE journal_id = $1`,
        [p.journalId, p.name, p.description, p.color, p.icon, p.isPrivate, event.aggregateVersion, p.updatedAt],
      );
      if (event.payload.changedFields.includes('name')) {
        await tx.query('UPDATE entries_view SET journal_name = $2 WHERE journal_id = $1', [p.journalId, p.name]);
      }
    },

    // The journal's entries go with it (no JournalEntryDeleted per entry, see @mindflow/events).
    async JournalDeleted(event, tx) {
      const p = event.payload;
      await tx.query(
        `UPDATE journals_view SET deleted_at = $2, updated_at = $2, version = $3, entry_count = 0 WHERE journal_id = $1`,
        [p.journalId, p.deletedAt, event.aggregateVersion],
      );
      await tx.query('UPDATE entries_view SET deleted_at = $2 WHERE journal_id = $1 AND deleted_at IS NULL', [
        p.journalId,
        p.deletedAt,
      ]);
    },
  },
  batchHandlers: {
    // JournalCreated for a chunk of journals: one upsert; their counts and their names on the entries already projected
    // are written at the chunk's end, under per-journal locks (`entryCountMoves`), beside entry chunks in flight.
    async JournalCreated(events, tx, chunk) {
      const placements = chunk.deferred(entryCountMoves);
      for (const { payload } of events) placements.created.add(payload.journalId.toLowerCase());
      const rows = events.map(({ payload: p, userId, aggregateVersion }) => ({
        journal_id: p.journalId, owner_id: userId, name: p.name, description: p.description, color: p.color, icon: p.icon,
        is_private: p.isPrivate, version: aggregateVersion, created_at: p.createdAt,
      }));
      await tx.query(
        `INSERT INTO journals_view (journal_id, owner_id, name, description, color, icon, is_private, version,
                                    entry_count, created_at, updated_at)
         SELECT r.journal_id, r.owner_id, r.name, r.description, r.color, r.icon, r.is_private, r.version, 0, r.created_at, r.created_at
         FROM jsonb_to_recordset($1::jsonb) AS r(journal_id uuid, owner_id uuid, name text, description text, color text, icon text,
                                                 is_private bool, version int, created_at timestamptz)
         ON CONFLICT (journal_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, name = EXCLUDED.name,
           description = EXCLUDED.description, color = EXCLUDED.color, icon = EXCLUDED.icon,
           is_private = EXCLUDED.is_private, version = EXCLUDED.version,
           created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
        [JSON.stringify(rows)],
      );
    },
  },
};

/**
 * The lock key serialising changes to one owner's journals and entry placement. An entry only ever moves
 * between journals of its owner, so one key per owner covers every row an event can touch, and the
 * runtime can take all of a chunk's keys up front, in order, without deadlocks; different owners still
 * project in parallel.
 */
export const ownerKey = (userId: string) => `owner:${userId.toLowerCase()}`;
