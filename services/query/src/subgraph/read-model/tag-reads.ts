import type { Reader } from './reader.js';

/** A prefix as tags are stored (trimmed, lower case, no leading `#`); empty: every tag. */
export function tagPrefix(prefix: string | null | undefined): string | undefined {
  const normalized = prefix?.trim().replace(/^#/, '').toLowerCase();
  return normalized ? normalized : undefined;
}

export interface TagCount {
  readonly tag: string;
  readonly count: number;
}

/**
 * The owner's tags (`tags_view`), most used first, then by name; with `prefix` (normalized as tags are stored),
 * only those starting with it.
 */
export async function tagsOf(pool: Reader, ownerId: string, prefix: string | undefined, size: number): Promise<TagCount[]> {
  const { rows } = await pool.query<TagCount>(
    `SELECT tag, count FROM tags_view
      WHERE owner_id = $1 AND ($2::text IS NULL OR starts_with(tag, $2::text))
      ORDER BY count DESC, tag
      LIMIT $3`,
    [ownerId, prefix ?? null, size],
  );
  return rows;
}
