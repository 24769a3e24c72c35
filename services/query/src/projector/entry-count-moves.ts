import type { DeferredWrite } from '@mindflow/event-log';

/**
 * `journals_view.entry_count` moves gathered over a chunk (set-based path): per journal, the sum of its entries'
 * units that came and went. Only journals that existed, alive, when the entry was written are counted (as the
 * one-by-one handlers' `UPDATE … WHERE deleted_at IS NULL` does at once); a journal created later in the chunk
 * counts its entries itself, and one deleted later is skipped at the end. Written once, just before the commit,
 * as deltas (`entry_count + n`) with the rows locked in journal order: concurrent chunks of one user's entries
 * add up instead of waiting for each other's whole transactions.
 */
export const entryCountMoves: DeferredWrite<Map<string, number>> = {
  order: '2 journals_view.entry_count',
  start: () => new Map(),
  async settle(moves, tx) {
    const changed = [...moves].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (changed.length === 0) return;
    await tx.query(
      `UPDATE journals_view v SET entry_count = greatest(v.entry_count + d.n, 0)
       FROM (SELECT j.journal_id, m.n FROM unnest($1::uuid[], $2::int[]) AS m(journal_id, n)
               JOIN journals_view j ON j.journal_id = m.journal_id AND j.deleted_at IS NULL
              ORDER BY j.journal_id FOR UPDATE OF j) AS d
       WHERE v.journal_id = d.journal_id`,
      [changed.map(([id]) => id), changed.map(([, n]) => n)],
    );
  },
};

/** Adds a statement's per-journal moves (`journal_id`, `n`) to the chunk's. */
export function addMoves(moves: Map<string, number>, rows: readonly { journal_id: string; n: number }[]): void {
  for (const { journal_id, n } of rows) moves.set(journal_id, (moves.get(journal_id) ?? 0) + n);
}
