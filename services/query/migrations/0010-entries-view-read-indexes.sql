-- Indexes for the journal's entry page at scale (issue 11, BENCHMARKS.md "Reads at scale"). entriesOfJournal reads
-- `journal_id = $1 AND owner_id = $2 AND <visible> ORDER BY created_at DESC, entry_id DESC LIMIT n`, and its
-- totalCount the same rows counted. With only (journal_id, created_at) and (owner_id, created_at), the planner
-- fetched every entry of the owner (a bitmap heap scan over all their journals), then sorted them for the page:
-- a per-user full scan, 10,000 heap pages for a heavy user of a 1 M-entry read DB. This index holds the page's
-- order and every column the filter names: the page is the index's first n entries, and the count an index-only
-- scan of the journal's entries (no heap).
CREATE INDEX entries_view_journal_page ON entries_view (journal_id, owner_id, created_at DESC, entry_id DESC)
  WHERE deleted_at IS NULL AND journal_id IS NOT NULL AND created_at IS NOT NULL;
