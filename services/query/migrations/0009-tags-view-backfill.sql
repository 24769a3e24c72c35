-- tags_view (0008) counts an item when an event of it arrives: items projected before 0008 ran would count only
-- once touched again. Count every live entry and thought once, here. On a fresh or rebuilt read DB the views are
-- still empty when this runs, and it does nothing; on one where the projector already counted some items after
-- 0008, their uses are kept and every count is worked out again from all uses.
INSERT INTO tag_uses (item_id, owner_id, tag)
SELECT DISTINCT entry_id, owner_id, t.tag FROM entries_view, unnest(tags) AS t(tag) WHERE deleted_at IS NULL
UNION
SELECT DISTINCT thought_id, owner_id, t.tag FROM thoughts_view, unnest(tags) AS t(tag) WHERE deleted_at IS NULL
ON CONFLICT (item_id, tag) DO NOTHING;

INSERT INTO tags_view AS v (owner_id, tag, count)
SELECT owner_id, tag, count(*)::int FROM tag_uses GROUP BY owner_id, tag
ON CONFLICT (owner_id, tag) DO UPDATE SET count = EXCLUDED.count;
