import type { Pool } from '@mindflow/db';
import { words } from '../../domain/text-analysis.js';

/** At most this many words of a query count (the rest would only slow the query down). */
const maxTerms = 12;

/** The query's distinct words: letters and digits only, so nothing of tsquery syntax reaches Postgres. */
export function queryTerms(text: string): string[] {
  return [...new Set(words(text))].slice(0, maxTerms);
}

/** Edits allowed for a word, as Elasticsearch's `fuzziness: AUTO` (0 up to 2 letters… here up to 3, 1 up to 7, else 2). */
function maxEdits(term: string): number {
  if (term.length <= 3) return 0;
  return term.length <= 7 ? 1 : 2;
}

/**
 * A `to_tsquery('english', …)` text: every query word must match, itself (stemmed by Postgres) or one
 * of the owner's indexed words within `maxEdits` of it; the last word also as a prefix (search as you
 * type). Built only from `\p{L}\p{N}` words, so it cannot carry operators.
 */
export async function fuzzyTsQuery(pool: Pool, ownerId: string, terms: readonly string[]): Promise<string> {
  const { rows } = await pool.query<{ term: string; word: string }>(
    `SELECT t.term, w.word FROM unnest($2::text[], $3::int[]) AS t(term, edits)
     CROSS JOIN LATERAL (
       SELECT DISTINCT word FROM search_documents d, unnest(d.words) AS word
       WHERE t.edits > 0 AND d.owner_id = $1 AND NOT d.deleted AND word <> t.term
         AND abs(length(word) - length(t.term)) <= t.edits AND levenshtein(word, t.term) <= t.edits
       LIMIT 8) AS w`,
    [ownerId, terms, terms.map(maxEdits)],
  );
  const alternatives = new Map(terms.map((term) => [term, [term]]));
  for (const row of rows) alternatives.get(row.term)?.push(row.word);
  return terms
    .map((term, index) => {
      const options = alternatives.get(term)!.map((word) => `'${word}'`);
      if (index === terms.length - 1 && term.length >= 2) options.push(`'${term}':*`);
      return `(${options.join(' | ')})`;
    })
    .join(' & ');
}
