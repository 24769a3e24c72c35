import type { Pool } from '@mindflow/db';
import { analyseDocument, editDistance, maxFuzzyLength, type DocumentAnalysis, type QueryWord } from '../../domain/text-analysis.js';
import type { SearchDocument } from '../../domain/search-document.js';

/** Stems are kept in the same `tsvector` as the words, marked so a stem never matches a word exactly. */
export const stemMark = '~';

/** Vocabulary terms longer than this are no typo candidates (a stem's term is one longer than the word). */
export const maxVocabularyTermLength = maxFuzzyLength + stemMark.length;

/** Candidate terms a typo probe takes at most (as Elasticsearch's fuzzy `max_expansions`). */
const maxCandidates = 100;

/** Postgres keeps at most this many positions of a lexeme, and none past this one. */
const maxPositionsPerLexeme = 256;
const maxPosition = 16_383;

/** A `tsvector` / `tsquery` lexeme literal (words are letters, marks and digits only; quoted all the same). */
function lexeme(term: string): string {
  return needsEscape.test(term) ? `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'` : `'${term}'`;
}
const needsEscape = /['\\]/;

/** A document's `tsvector` text and its distinct terms (what the owner's vocabulary gets from it). */
export interface AnalysedVector {
  readonly vector: string;
  /** The vector's lexemes, each once, in no particular order (as `tsvector_to_array` of `vector`). */
  readonly terms: readonly string[];
}

/**
 * A document's `tsvector` text: every word of title (weight A), tags (B) and body (C) folded, and its
 * `~stem`, at the word's position. Built by the service (`analyse`), as Elasticsearch's `allWords` and
 * `allStems` are, so both indexes match the same words.
 */
export function documentVector(document: Pick<SearchDocument, 'title' | 'tags' | 'body'>): string {
  return analysedVector(analyseDocument(document)).vector;
}

/** `documentVector` of a document already analysed (`analyseDocument`), with its terms. */
export function analysedVector(analysis: DocumentAnalysis): AnalysedVector {
  // Positions per term, in order, as "<position><weight>" (at most maxPositionsPerLexeme of them).
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (term: string, at: string) => {
    const found = positions.get(term);
    if (!found) positions.set(term, [at]);
    else if (found.length < maxPositionsPerLexeme) found.push(at);
  };
  for (const [analysed, weight] of [[analysis.title, 'A'], [analysis.tags, 'B'], [analysis.body, 'C']] as const) {
    const made = positionTexts[weight];
    for (const { word, stem } of analysed) {
      position = Math.min(position + 1, maxPosition);
      const at = (made[position] ??= `${position}${weight}`);
      add(word, at);
      add(markedStem(stem), at);
    }
  }
  const parts: string[] = [];
  for (const [term, at] of positions) parts.push(`${lexeme(term)}:${at.join(',')}`);
  return { vector: parts.join(' '), terms: [...positions.keys()] };
}

/** "<position><weight>" strings already made, per weight (at most `maxPosition` each). */
const positionTexts: Record<'A' | 'B' | 'C', string[]> = { A: [], B: [], C: [] };

/** `~stem` strings already made (one string per stem, its hash computed once): emptied when full. */
const markedStems = new Map<string, string>();
const maxMarkedStems = 50_000;

function markedStem(stem: string): string {
  let marked = markedStems.get(stem);
  if (marked === undefined) {
    marked = stemMark + stem;
    if (markedStems.size >= maxMarkedStems) markedStems.clear();
    markedStems.set(stem, marked);
  }
  return marked;
}

/** One query word as `tsquery` texts, one per way of matching (null: none that way). */
export interface WordQueries {
  readonly exact: string;
  readonly stem: string;
  readonly typo: string | null;
}

/**
 * Each query word's `tsquery`s: itself, its `~stem`, and its typos — the owner's terms within its edits of
 * the word or of the stem (Elasticsearch's `fuzziness: AUTO`, transpositions counted as one edit), and for
 * the last word its prefix. Candidates come from `search_vocabulary` by an index range on the owner and the
 * term's length, pre-filtered by `levenshtein_less_equal` (a transposition is two edits there, so it allows
 * twice the edits), then checked here with the same distance as Elasticsearch.
 */
export async function wordQueries(pool: Pool, ownerId: string, words: readonly QueryWord[]): Promise<WordQueries[]> {
  const probes = words.flatMap((word, index) => [
    { index, term: word.word, edits: word.edits },
    { index, term: `${stemMark}${word.stem}`, edits: word.stemEdits },
  ]).filter((probe) => probe.edits > 0);
  const typos = new Map<number, Set<string>>();
  if (probes.length > 0) {
    const { rows } = await pool.query<{ probe: number; term: string }>(
      `SELECT t.probe::int AS probe, v.term FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS t(term, edits, probe)
       CROSS JOIN LATERAL (
         SELECT v.term FROM search_vocabulary v
         WHERE v.owner_id = $1 AND length(v.term) BETWEEN length(t.term) - t.edits AND length(t.term) + t.edits
           AND starts_with(v.term, '${stemMark}') = starts_with(t.term, '${stemMark}') AND v.term <> t.term
           AND levenshtein_less_equal(v.term, t.term, 2 * t.edits) <= 2 * t.edits
         ORDER BY levenshtein_less_equal(v.term, t.term, 2 * t.edits), v.term
         LIMIT ${maxCandidates}) AS v`,
      [ownerId, probes.map((p) => p.term), probes.map((p) => p.edits)],
    );
    for (const row of rows) {
      const probe = probes[row.probe - 1]!;
      if (editDistance(row.term, probe.term, probe.edits) > probe.edits) continue;
      const set = typos.get(probe.index) ?? new Set<string>();
      set.add(row.term);
      typos.set(probe.index, set);
    }
  }
  return words.map((word, index) => {
    const alternatives = [...(typos.get(index) ?? [])].map(lexeme);
    if (word.prefix) alternatives.push(`${lexeme(word.word)}:*`);
    return {
      exact: lexeme(word.word),
      stem: lexeme(`${stemMark}${word.stem}`),
      typo: alternatives.length > 0 ? alternatives.join(' | ') : null,
    };
  });
}

/** The whole query: every word, each in any of its ways (what the GIN index is asked). */
export function matchingQuery(queries: readonly WordQueries[]): string {
  return queries.map((q) => `(${[q.exact, q.stem, ...(q.typo ? [q.typo] : [])].join(' | ')})`).join(' & ');
}
