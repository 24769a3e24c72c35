import type { Reader } from './reader.js';

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** A function: graphql-js calls it only when the client asks for `totalCount`, so pages skip the COUNT. */
  totalCount: () => Promise<number>;
}

/**
 * Builds a connection from `size + 1` fetched rows (the extra one only tells whether a next page exists),
 * each with its opaque cursor.
 */
export function toConnection<T>(
  rows: readonly { record: T; cursor: string }[],
  size: number,
  count: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ node: row.record, cursor: row.cursor }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: count,
  };
}

/** A connection's `totalCount`: one `SELECT count(*)::int AS n …` statement, run only when the client asks. */
export function countOf(pool: Reader, sql: string, values: unknown[]): () => Promise<number> {
  return async () => (await pool.query<{ n: number }>(sql, values)).rows[0]?.n ?? 0;
}
