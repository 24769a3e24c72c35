import type { UserTags } from '../../application/ports/user-tags.js';
import type { Tx } from './sql-client.js';

/** `user_tags`: one row per (user, tag) first used, with the id its `TagCreated` gave it. */
export function pgUserTags(tx: Tx): UserTags {
  return {
    async known(userId, tags) {
      if (tags.length === 0) return new Set();
      const { rows } = await tx.query<{ tag: string }>('SELECT tag FROM user_tags WHERE user_id = $1 AND tag = ANY($2::text[])', [userId, tags]);
      return new Set(rows.map((row) => row.tag));
    },
    async remember(userId, tags) {
      if (tags.length === 0) return new Set();
      // In tag order, so two commands remembering overlapping tags wait for each other instead of deadlocking;
      // a tag a concurrent command remembered first waits for its commit and is then left out.
      const sorted = [...tags].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
      const { rows } = await tx.query<{ tag: string }>(
        `INSERT INTO user_tags (user_id, tag, tag_id, created_at)
         SELECT $1, tag, tag_id, created_at FROM unnest($2::text[], $3::uuid[], $4::timestamptz[]) WITH ORDINALITY AS t(tag, tag_id, created_at, n)
         ORDER BY n
         ON CONFLICT (user_id, tag) DO NOTHING RETURNING tag`,
        [userId, sorted.map((t) => t.tag), sorted.map((t) => t.tagId), sorted.map((t) => t.createdAt)],
      );
      return new Set(rows.map((row) => row.tag));
    },
  };
}
