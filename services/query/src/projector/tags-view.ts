import type { PoolClient } from '@mindflow/db';
import type { ReadModel } from '@mindflow/event-log';
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
  sharedKeys: (event) => (event.aggregateType === 'thought' ? [ownerKey(event.userId)] : []),
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
    JournalEntryCreated: (events, tx) => countEntries(tx, events.map((e) => e.payload.entryId)),
    JournalEntryUpdated: (events, tx) => countEntries(tx, events.map((e) => e.payload.entryId)),
    JournalEntryDeleted: (events, tx) => countEntries(tx, events.map((e) => e.payload.entryId)),
    JournalDeleted: (events, tx) => countJournals(tx, events.map((e) => e.payload.journalId)),
    ThoughtCaptured: (events, tx) => countThoughts(tx, events.map((e) => e.payload.thoughtId)),
    ThoughtUpdated: (events, tx) => countThoughts(tx, events.map((e) => e.payload.thoughtId)),
    ThoughtDeleted: (events, tx) => countThoughts(tx, events.map((e) => e.payload.thoughtId)),
  },
};

const liveEntryTags = 'SELECT entry_id AS item_id, owner_id, tags FROM entries_view WHERE entry_id = ANY($1::uuid[]) AND deleted_at IS NULL';
const liveThoughtTags = 'SELECT thought_id AS item_id, owner_id, tags FROM thoughts_view WHERE thought_id = ANY($1::uuid[]) AND deleted_at IS NULL';

const countEntries = (tx: PoolClient, entryIds: readonly string[]) => recount(tx, entryIds, liveEntryTags);
const countThoughts = (tx: PoolClient, thoughtIds: readonly string[]) => recount(tx, thoughtIds, liveThoughtTags);

/** A journal's deletion takes its entries with it (`journals_view` marked them): each counts again. */
async function countJournals(tx: PoolClient, journalIds: readonly string[]): Promise<void> {
  const { rows } = await tx.query<{ entry_id: string }>('SELECT entry_id FROM entries_view WHERE journal_id = ANY($1::uuid[])', [journalIds]);
  if (rows.length > 0) await countEntries(tx, rows.map((r) => r.entry_id));
}

/**
 * Replaces the items' uses with the tags their rows carry now (`live`: item_id, owner_id, tags of the live ones) and
 * moves each (owner, tag) count by the difference; a count that reaches 0 is removed.
 */
async function recount(tx: PoolClient, itemIds: readonly string[], live: string): Promise<void> {
  const now = `SELECT DISTINCT i.item_id, i.owner_id, t.tag FROM (${live}) i, unnest(i.tags) AS t(tag)`;
  const { rows } = await tx.query<{ owner_id: string; tag: string; count: number }>(
    `WITH gone AS (DELETE FROM tag_uses WHERE item_id = ANY($1::uuid[]) RETURNING owner_id, tag, -1 AS n),
          delta AS (SELECT owner_id, tag, sum(n)::int AS n
                    FROM (SELECT owner_id, tag, n FROM gone UNION ALL SELECT owner_id, tag, 1 FROM (${now}) uses) d
                    GROUP BY owner_id, tag HAVING sum(n) <> 0)
     INSERT INTO tags_view AS v (owner_id, tag, count)
     SELECT owner_id, tag, n FROM delta ORDER BY owner_id, tag
     ON CONFLICT (owner_id, tag) DO UPDATE SET count = v.count + EXCLUDED.count
     RETURNING owner_id, tag, count`,
    [itemIds],
  );
  await tx.query(`INSERT INTO tag_uses (item_id, owner_id, tag) ${now}`, [itemIds]);
  const unused = rows.filter((r) => r.count <= 0);
  if (unused.length > 0) {
    await tx.query('DELETE FROM tags_view v USING unnest($1::uuid[], $2::text[]) AS u(owner_id, tag) WHERE v.owner_id = u.owner_id AND v.tag = u.tag AND v.count <= 0', [
      unused.map((r) => r.owner_id),
      unused.map((r) => r.tag),
    ]);
  }
}
