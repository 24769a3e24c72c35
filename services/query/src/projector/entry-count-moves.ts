import type { DeferredWrite } from '@mindflow/event-log';

/** What a set-based chunk gathers about its entries' journals, written once at its end (`entryCountMoves`). */
export interface JournalPlacements {
  /** Per journal, the sum of its entries' units of `entry_count` that came and went in the chunk's statements. */
  readonly moves: Map<string, number>;
  /** Journals some statement of the chunk did not see (not projected yet, or created by a chunk not committed yet). */
  readonly unseen: Set<string>;
  /** Entries the chunk placed in an unseen journal: their `journal_name` is filled in at the end if it has appeared. */
  readonly unnamed: Set<string>;
  /** Journals the chunk created (`JournalCreated`): counted from their entries and named on them at the end. */
  readonly created: Set<string>;
}

/**
 * `journals_view.entry_count` and the journal's name on its entries, set-based: an entry chunk gathers per journal
 * the sum of its entries' units that came and went (whether it saw the journal or not), a journal chunk the journals
 * it created. Written once, just before the commit, so concurrent chunks of one user's entries add up instead of
 * waiting for each other's whole transactions, and a journal's creation needs no exclusive owner lock:
 *
 * - every journal that was unseen by one of the chunk's statements, or created by it, is first locked by a
 *   per-(schema, journal) advisory lock in lock-id order (a statement of its own: the next one's snapshot sees
 *   everything committed before the lock was granted);
 * - a created journal's count is then taken from its entries (committed ones and this chunk's), its name put on
 *   its entries except on rows another chunk holds (`SKIP LOCKED`): such a chunk wrote them while the journal was
 *   unseen to it, so it holds the journal in `unseen` and fixes them at its own end, after this commit;
 * - an entry chunk adds its moves to every journal alive now (`entry_count + n`, rows locked in journal order),
 *   and names its own entries in journals that were unseen and are there now. A journal still unseen after the
 *   lock is left alone: its creation, committing later, counts these entries itself (it takes the same lock).
 *
 * Either the journal's creator counts after an entry chunk committed (it saw the entries, the entry chunk saw no
 * journal and added nothing) or before it (the entry chunk sees the journal and adds all its moves, none of which
 * the count saw): each unit is counted once in either order. A journal's deletion and renaming still take the
 * owner's lock exclusively (`journalsView.sharedKeys`) and never run beside an entry chunk of the owner.
 */
export const entryCountMoves: DeferredWrite<JournalPlacements> = {
  order: '2 journals_view.entry_count',
  start: () => ({ moves: new Map(), unseen: new Set(), unnamed: new Set(), created: new Set() }),
  async settle({ moves, unseen, unnamed, created }, tx) {
    const locked = [...new Set([...unseen, ...created])];
    if (locked.length > 0) {
      await tx.query(
        `SELECT pg_advisory_xact_lock(id) FROM (
           SELECT DISTINCT hashtextextended(current_schema() || ':journal-placement:' || k, 0) AS id FROM unnest($1::text[]) AS k
           ORDER BY id) AS ordered`,
        [locked],
      );
    }
    // A journal created by this chunk is counted from the rows, this chunk's entries included: its moves are in the count.
    const changed = [...moves].filter(([id, n]) => n !== 0 && !created.has(id)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const createdIds = [...created].sort();
    if (changed.length === 0 && createdIds.length === 0 && unnamed.size === 0) return;
    await tx.query(
      `WITH counted AS (
         UPDATE journals_view v SET entry_count = (SELECT count(*) FROM entries_view e WHERE e.journal_id = v.journal_id AND e.deleted_at IS NULL)
          WHERE v.journal_id = ANY($1::uuid[])
          RETURNING v.journal_id),
       renamed AS (
         UPDATE entries_view e SET journal_name = j.name FROM journals_view j
          WHERE e.entry_id IN (SELECT x.entry_id FROM entries_view x WHERE x.journal_id = ANY($1::uuid[]) FOR UPDATE SKIP LOCKED)
            AND j.journal_id = e.journal_id AND e.journal_name IS DISTINCT FROM j.name
          RETURNING e.entry_id),
       named AS (
         UPDATE entries_view e SET journal_name = j.name FROM journals_view j
          WHERE e.entry_id = ANY($4::uuid[]) AND NOT (e.journal_id = ANY($1::uuid[]))
            AND j.journal_id = e.journal_id AND e.journal_name IS DISTINCT FROM j.name
          RETURNING e.entry_id),
       moved AS (
         UPDATE journals_view v SET entry_count = greatest(v.entry_count + d.n, 0)
           FROM (SELECT j.journal_id, m.n FROM unnest($2::uuid[], $3::int[]) AS m(journal_id, n)
                   JOIN journals_view j ON j.journal_id = m.journal_id AND j.deleted_at IS NULL
                  ORDER BY j.journal_id FOR UPDATE OF j) AS d
          WHERE v.journal_id = d.journal_id
          RETURNING v.journal_id)
       SELECT (SELECT count(*) FROM counted) + (SELECT count(*) FROM renamed) + (SELECT count(*) FROM named) + (SELECT count(*) FROM moved) AS n`,
      [createdIds, changed.map(([id]) => id), changed.map(([, n]) => n), [...unnamed]],
    );
  },
};

/**
 * Adds a statement's per-journal moves (`journal_id`, `n`) to the chunk's; `seen` false marks a journal the
 * statement did not see, whose `entry_ids` (the entries it placed there) get their journal's name at the end.
 */
export function addMoves(
  placements: JournalPlacements,
  rows: readonly { journal_id: string; n: number; seen?: boolean; entry_ids?: readonly string[] | null }[],
): void {
  for (const { journal_id, n, seen, entry_ids } of rows) {
    placements.moves.set(journal_id, (placements.moves.get(journal_id) ?? 0) + n);
    if (seen !== false) continue;
    placements.unseen.add(journal_id);
    for (const id of entry_ids ?? []) placements.unnamed.add(id);
  }
}
