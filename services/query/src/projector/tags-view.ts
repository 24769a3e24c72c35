import type { PoolClient } from '@mindflow/db';
import type { ChunkScope, DeferredWrite, ReadModel } from '@mindflow/event-log';
import { ownerKey } from './journals-view.js';

/**
 * `tags_view`: per user, how many of their live entries and thoughts carry each tag (`tags(prefix, first)`, the
 * caller's tags, most used first). Derived after `entries_view`, `journals_view` and `thoughts_view` applied the
 * event, in the same transaction: an item's tags are read back from its row there (none when it is deleted, by
 * itself or with its journal), `tag_uses` remembers which tags each item counted under, and the counts move by the
 * difference. So it is idempotent (the same row gives no difference), holds in any order the other views do, and a
 * replay gives the same table. Every event that moves a count takes the owner's shared lock (as entries and
 * journals already do): two chunks never race on one user's counts.
 */
export const tagsView: ReadModel = {
  name: 'tags_view',
  // Thoughts move counts only (entries and journals have their keys from their own views). The set-based path
  // takes them shared: its count moves are deferred deltas (`tagCountMoves`).
  commutativeKeys: (event) => (event.aggregateType === 'thought' ? [ownerKey(event.userId)] : []),
  batchAlways: true,
  handlers: {
    JournalEntryCreated: (event, tx) => countEntries(tx, [event.payload.entryId]),
    JournalEntryUpdated: (event, tx) => countEntries(tx, [event.payload.entryId]),
    JournalEntryDeleted: (event, tx) => countEntries(tx, [event.payload.entryId]),
    JournalDeleted: (event, tx) => countJournals(tx, [event.payload.journalId]),
    ThoughtCaptured: (event, tx) => countThoughts(tx, [event.payload.thoughtId]),
    ThoughtUpdated: (event, tx) => countThoughts(tx, [event.payload.thoughtId]),
    ThoughtDeleted: (event, tx) => countThoughts(tx, [event.payload.thoughtId]),
  },
  batchHandlers: {
    JournalEntryCreated: (events, tx, chunk) => countEntries(tx, events.map((e) => e.payload.entryId), chunk),
    JournalEntryUpdated: (events, tx, chunk) => countEntries(tx, events.map((e) => e.payload.entryId), chunk),
    JournalEntryDeleted: (events, tx, chunk) => countEntries(tx, events.map((e) => e.payload.entryId), chunk),
    JournalDeleted: (events, tx, chunk) => countJournals(tx, events.map((e) => e.payload.journalId), chunk),
    ThoughtCaptured: (events, tx, chunk) => countThoughts(tx, events.map((e) => e.payload.thoughtId), chunk),
    ThoughtUpdated: (events, tx, chunk) => countThoughts(tx, events.map((e) => e.payload.thoughtId), chunk),
    ThoughtDeleted: (events, tx, chunk) => countThoughts(tx, events.map((e) => e.payload.thoughtId), chunk),
  },
};

const liveEntryTags = 'SELECT entry_id AS item_id, owner_id, tags FROM entries_view WHERE entry_id = ANY($1::uuid[]) AND deleted_at IS NULL';
const liveThoughtTags = 'SELECT thought_id AS item_id, owner_id, tags FROM thoughts_view WHERE thought_id = ANY($1::uuid[]) AND deleted_at IS NULL';

const countEntries = (tx: PoolClient, entryIds: readonly string[], chunk?: ChunkScope) => recount(tx, entryIds, liveEntryTags, chunk);
const countThoughts = (tx: PoolClient, thoughtIds: readonly string[], chunk?: ChunkScope) => recount(tx, thoughtIds, liveThoughtTags, chunk);

/** A journal's deletion takes its entries with it (`journals_view` marked them): each counts again. */
async function countJournals(tx: PoolClient, journalIds: readonly string[], chunk?: ChunkScope): Promise<void> {
  const { rows } = await tx.query<{ entry_id: string }>('SELECT entry_id FROM entries_view WHERE journal_id = ANY($1::uuid[])', [journalIds]);
  if (rows.length > 0) await countEntries(tx, rows.map((r) => r.entry_id), chunk);
}

/**
 * Replaces the items' uses with the tags their rows carry now (`live`: item_id, owner_id, tags of the live ones) and
 * moves each (owner, tag) count by the difference; a count that reaches 0 is removed. One statement: the uses no
 * longer carried are deleted (-1), the new ones inserted (+1), the ones kept left alone (their keys are disjoint).
 * With a `chunk` (set-based path) the differences are gathered and written at its end (`tagCountMoves`); without,
 * at once.
 */
async function recount(tx: PoolClient, itemIds: readonly string[], live: string, chunk?: ChunkScope): Promise<void> {
  const delta = `WITH now AS (SELECT DISTINCT i.item_id, i.owner_id, t.tag FROM (${live}) i, unnest(i.tags) AS t(tag)),
          gone AS (DELETE FROM tag_uses u WHERE u.item_id = ANY($1::uuid[])
                     AND NOT EXISTS (SELECT 1 FROM now WHERE now.item_id = u.item_id AND now.tag = u.tag)
                   RETURNING u.owner_id, u.tag, -1 AS n),
          added AS (INSERT INTO tag_uses (item_id, owner_id, tag) SELECT item_id, owner_id, tag FROM now
                    ON CONFLICT (item_id, tag) DO NOTHING
                    RETURNING owner_id, tag, 1 AS n)
          SELECT owner_id, tag, sum(n)::int AS n FROM (SELECT * FROM gone UNION ALL SELECT * FROM added) d
          GROUP BY owner_id, tag HAVING sum(n) <> 0`;
  if (chunk) {
    const { rows } = await tx.query<TagMove>(delta, [itemIds]);
    const moves = chunk.deferred(tagCountMoves);
    for (const { owner_id, tag, n } of rows) {
      const key = JSON.stringify([owner_id, tag]);
      moves.set(key, { owner_id, tag, n: (moves.get(key)?.n ?? 0) + n });
    }
  } else {
    await moveTagCounts(tx, (await tx.query<TagMove>(`${delta} ORDER BY owner_id, tag`, [itemIds])).rows);
  }
}

interface TagMove {
  owner_id: string;
  tag: string;
  n: number;
}

/** Moves each (owner, tag) count by its `n` (rows locked in (owner, tag) order); a count that reaches 0 is removed. */
async function moveTagCounts(tx: PoolClient, moves: readonly TagMove[]): Promise<void> {
  if (moves.length === 0) return;
  const { rows } = await tx.query<{ owner_id: string; tag: string; count: number }>(
    `INSERT INTO tags_view AS v (owner_id, tag, count)
     SELECT owner_id, tag, n FROM unnest($1::uuid[], $2::text[], $3::int[]) AS m(owner_id, tag, n) ORDER BY owner_id, tag
     ON CONFLICT (owner_id, tag) DO UPDATE SET count = v.count + EXCLUDED.count
     RETURNING owner_id, tag, count`,
    [moves.map((m) => m.owner_id), moves.map((m) => m.tag), moves.map((m) => m.n)],
  );
  const unused = rows.filter((r) => r.count <= 0);
  if (unused.length > 0) {
    await tx.query('DELETE FROM tags_view v USING unnest($1::uuid[], $2::text[]) AS u(owner_id, tag) WHERE v.owner_id = u.owner_id AND v.tag = u.tag AND v.count <= 0', [
      unused.map((r) => r.owner_id),
      unused.map((r) => r.tag),
    ]);
  }
}

/**
 * The tag count moves of a chunk (set-based path), summed per (owner, tag) and written at its end, sorted, as
 * deltas: concurrent chunks of one user add up instead of waiting for each other's whole transactions.
 */
const tagCountMoves: DeferredWrite<Map<string, TagMove>> = {
  order: '3 tags_view',
  start: () => new Map(),
  settle: (moves, tx) =>
    moveTagCounts(tx, [...moves.values()].filter((m) => m.n !== 0).sort((a, b) => (a.owner_id < b.owner_id ? -1 : a.owner_id > b.owner_id ? 1 : a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))),
};
