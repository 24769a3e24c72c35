-- The tags each user has used (on an entry or a thought), one row per first use: a tag not in here yet is
-- new to its user, and the command that first uses it emits TagCreated (aggregate `tag`, id = tag_id) in
-- its own transaction. Tags used before this table existed count as used already (no event for them).
CREATE TABLE user_tags (
  user_id    uuid NOT NULL,
  tag        text NOT NULL CHECK (char_length(tag) BETWEEN 1 AND 50),
  tag_id     uuid NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, tag)
);

INSERT INTO user_tags (user_id, tag, tag_id, created_at)
SELECT user_id, tag, gen_random_uuid(), min(created_at)
FROM (
  SELECT e.owner_id AS user_id, t.tag, e.created_at FROM entry_tags t JOIN entries e ON e.id = t.entry_id
  UNION ALL
  SELECT h.owner_id, t.tag, h.created_at FROM thought_tags t JOIN thoughts h ON h.id = t.thought_id
) AS used
GROUP BY user_id, tag;
