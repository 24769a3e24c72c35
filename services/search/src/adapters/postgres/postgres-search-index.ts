import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import type { SearchIndex } from '../../application/search-index.js';
import type { SearchDocument, SearchKind } from '../../domain/search-document.js';
import type { SearchHit, SearchPage } from '../../domain/search-query.js';
import { highlights } from '../../domain/highlight.js';
import { analyseDocument, matchTiers, queryWords } from '../../domain/text-analysis.js';
import { analysedVector, documentVector, matchingQuery, maxVocabularyTermLength, wordQueries } from './ts-query.js';

/** What `search_documents.analysis` says of a row's `document`: 2 is the service's analysis (migration 0002). */
const analysisVersion = 2;
/** Rows analysed again per statement when `prepare` brings older rows to `analysisVersion`. */
const reanalysisBatch = 500;

export const searchMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations');

const columns = 'doc_id, kind, owner_id, journal_id, title, body, tags, mood, day, created_at, version, deleted, completed';
/** `columns` as a document is read back: the day as `YYYY-MM-DD`, the instant as text (converted to ISO-8601 by `documentOf`). */
const storedColumns = columns.replace('day', "to_char(day, 'YYYY-MM-DD') AS day").replace('created_at', 'created_at::text AS created_at');

/**
 * The embedded search index: Postgres full-text search over `search_documents` in the read DB. The
 * `tsvector` holds the service's analysis (`documentVector`: folded words and `~stems`), as Elasticsearch's
 * `allWords` / `allStems` do, and a query word matches exactly, by stem or by a typo within Elasticsearch's
 * `fuzziness: AUTO` (candidates from `search_vocabulary`, `wordQueries`); every word must match. The score is
 * the sum of each word's best tier (exact 3, stem 2, typo 1) plus `ts_rank` below one tier, as Elasticsearch's.
 * The owner is a SQL parameter of every read, never part of the text query.
 */
export function createPostgresSearchIndex(pool: Pool): SearchIndex {
  return {
    kind: 'postgres',

    async prepare() {
      await migrate(pool, 'search', await migrationsFromDir(searchMigrationsDir));
      await reanalyse(pool);
    },

    async write(documents) {
      if (documents.length === 0) return;
      // The statement keeps the newest version of each document of the set (DISTINCT ON), so does this.
      const newest = new Map<string, SearchDocument>();
      for (const d of documents) {
        const found = newest.get(d.id);
        if (!found || found.version < d.version) newest.set(d.id, d);
      }
      // Each document analysed once: its vector, its suggestion words and its terms for the owner's vocabulary.
      const vocabulary = new Map<string, Set<string>>();
      const rows = [...newest.values()].map((d) => {
        const analysis = analyseDocument(d);
        const { vector, terms } = analysedVector(analysis);
        if (!d.deleted) {
          let owned = vocabulary.get(d.ownerId);
          if (!owned) vocabulary.set(d.ownerId, (owned = new Set()));
          for (const term of terms) if (isVocabularyTerm(term)) owned.add(term);
        }
        return {
          doc_id: d.id, kind: d.kind, owner_id: d.ownerId, journal_id: d.journalId, title: d.title, body: d.body, tags: d.tags,
          mood: d.mood, day: d.day, created_at: d.createdAt, version: d.version, deleted: d.deleted, completed: d.completed,
          words: analysis.suggestions, document: vector,
        };
      });
      // Sorted (owners, then each owner's terms), so two statements adding terms of one owner take the new terms'
      // locks in the same order.
      const terms = [...vocabulary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([owner, set]) => [owner, [...set].sort()]);
      // One statement for the whole set, with no read first. The version guard (the same rule as Elasticsearch's
      // `external`): a row changes only for a newer version; older, equal and repeated writes do nothing, and a
      // tombstone (`deleted`) is a row like any other, kept for good, so nothing older can replace it. The rows
      // written add their terms to the owner's vocabulary (typo candidates), in the same statement: when every
      // document was written (the usual case), the terms computed here ($2); otherwise (a stale or repeated
      // write among them) those of the rows the statement wrote. The owners' vocabulary locks are taken shared
      // before any row is written (`locked`: an InitPlan of the first scan), so a pruning waits for this write.
      await pool.query(
        `WITH locked AS (${lockOwners('$4', 'shared')}),
         written AS (
           INSERT INTO search_documents (${columns}, words, document, analysis)
           SELECT DISTINCT ON (doc_id) ${columns}, words, document::tsvector, ${analysisVersion}
           FROM jsonb_to_recordset($1::jsonb) AS r(doc_id uuid, kind text, owner_id uuid, journal_id uuid, title text, body text, tags text[],
             mood text, day date, created_at timestamptz, version int, deleted boolean, completed boolean, words text[], document text)
           WHERE (SELECT n FROM locked) >= 0
           ORDER BY doc_id, version DESC
           ON CONFLICT (doc_id) DO UPDATE SET kind = EXCLUDED.kind, owner_id = EXCLUDED.owner_id, journal_id = EXCLUDED.journal_id,
             title = EXCLUDED.title, body = EXCLUDED.body, tags = EXCLUDED.tags, mood = EXCLUDED.mood, day = EXCLUDED.day,
             created_at = EXCLUDED.created_at, version = EXCLUDED.version, deleted = EXCLUDED.deleted, completed = EXCLUDED.completed,
             words = EXCLUDED.words, document = EXCLUDED.document, analysis = EXCLUDED.analysis
           WHERE search_documents.version < EXCLUDED.version
           RETURNING owner_id, deleted, document),
         counted AS (SELECT count(*) AS n FROM written)
         INSERT INTO search_vocabulary (owner_id, term)
         SELECT (o.value->>0)::uuid, t.term FROM counted, jsonb_array_elements($2::jsonb) AS o, jsonb_array_elements_text(o.value->1) AS t(term)
         WHERE counted.n = $3
         UNION ALL
         (${vocabularyOf('written')} AND (SELECT n FROM counted) <> $3 ORDER BY 1, 2)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(rows), JSON.stringify(terms), rows.length, [...new Set(rows.map((row) => row.owner_id))]],
      );
      const deletedBy = [...new Set(documents.filter((d) => d.deleted).map((d) => d.ownerId))];
      if (deletedBy.length > 0) await pruneVocabulary(pool, deletedBy);
    },

    async get(id) {
      const { rows } = await pool.query<DocumentRow>(`SELECT ${storedColumns} FROM search_documents WHERE doc_id = $1`, [id]);
      return rows[0] && documentOf(rows[0]);
    },

    async getMany(ids) {
      if (ids.length === 0) return new Map();
      const { rows } = await pool.query<DocumentRow>(`SELECT ${storedColumns} FROM search_documents WHERE doc_id = ANY($1::uuid[])`, [ids]);
      return new Map(rows.map((row) => [row.doc_id, documentOf(row)]));
    },

    async hideJournalEntries(ownerId, journalId) {
      const { rowCount } = await pool.query(
        `UPDATE search_documents SET deleted = true, words = '{}'
         WHERE owner_id = $1 AND journal_id = $2 AND kind = 'entry' AND NOT deleted`,
        [ownerId, journalId],
      );
      if ((rowCount ?? 0) > 0) await pruneVocabulary(pool, [ownerId]);
    },

    async eraseOwner(ownerId) {
      const { rowCount } = await pool.query('DELETE FROM search_documents WHERE owner_id = $1', [ownerId]);
      await pool.query('DELETE FROM search_vocabulary WHERE owner_id = $1', [ownerId]);
      return rowCount ?? 0;
    },

    async search(query) {
      const words = queryWords(query.text);
      if (words.length === 0) return { hits: [], hasNextPage: false, total: 0 };
      const perWord = await wordQueries(pool, query.ownerId, words);
      const filters = [query.ownerId, matchingQuery(perWord), query.kinds.length > 0 ? query.kinds : null, query.tags, query.mood, query.from, query.to];
      const matching = `FROM search_documents d, CAST($2 AS tsquery) AS q
        WHERE d.owner_id = $1 AND NOT d.deleted AND d.document @@ q
          AND ($3::text[] IS NULL OR d.kind = ANY($3)) AND d.tags @> $4::text[] AND ($5::text IS NULL OR d.mood = $5)
          AND ($6::date IS NULL OR d.day >= $6) AND ($7::date IS NULL OR d.day <= $7)`;
      const after = query.after;
      // Each word's best tier (exact, stem, typo), summed; ts_rank (normalised below 1, weighted A > B > C) only
      // breaks ties within the tiers, as relevance does in Elasticsearch.
      const { rows } = await pool.query<HitRow>(
        `WITH ranked AS (
           SELECT d.doc_id, d.kind, d.title, d.body,
             (SELECT sum(CASE WHEN d.document @@ w.exact THEN ${matchTiers.exact} WHEN d.document @@ w.stem THEN ${matchTiers.stem}
                              WHEN w.typo IS NOT NULL AND d.document @@ w.typo THEN ${matchTiers.typo} ELSE 0 END)
              FROM unnest($8::tsquery[], $9::tsquery[], $10::tsquery[]) AS w(exact, stem, typo))
             + 0.5 * ts_rank(d.document, q, 32) AS score
           ${matching})
         SELECT doc_id, kind, score::float8 AS score, title, body FROM ranked
         WHERE $11::float8 IS NULL OR score < $11::float8 OR (score = $11::float8 AND doc_id > $12::uuid)
         ORDER BY score DESC, doc_id ASC
         LIMIT $13`,
        [
          ...filters, perWord.map((w) => w.exact), perWord.map((w) => w.stem), perWord.map((w) => w.typo),
          after?.score ?? null, after?.id ?? null, query.first + 1,
        ],
      );
      const { rows: counted } = await pool.query<{ total: string }>(`SELECT count(*) AS total ${matching}`, filters);
      const hits: SearchHit[] = rows.slice(0, query.first).map((row) => ({
        id: row.doc_id,
        kind: row.kind,
        score: row.score,
        highlights: highlights(words, row.title, row.body),
      }));
      return { hits, hasNextPage: rows.length > query.first, total: Number(counted[0]?.total ?? 0) } satisfies SearchPage;
    },

    async suggest(ownerId, prefix, size) {
      const { rows } = await pool.query<{ word: string }>(
        `SELECT word FROM search_documents d, unnest(d.words) AS word
         WHERE d.owner_id = $1 AND NOT d.deleted AND starts_with(word, $2)
         GROUP BY word ORDER BY count(*) DESC, word LIMIT $3`,
        [ownerId, prefix, size],
      );
      return rows.map((row) => row.word);
    },

    async refresh() {
      // Postgres: a committed write is visible to the next statement.
    },

    async close() {
      // The pool belongs to whoever made it.
    },
  };
}

interface DocumentRow {
  doc_id: string;
  kind: SearchKind;
  owner_id: string;
  journal_id: string | null;
  title: string | null;
  body: string;
  tags: string[];
  mood: string | null;
  day: string;
  created_at: string;
  version: number;
  deleted: boolean;
  completed: boolean | null;
}

interface HitRow {
  doc_id: string;
  kind: SearchKind;
  score: number;
  title: string | null;
  body: string;
}

/** The distinct (owner, term) pairs of the rows `source` returned (owner_id, deleted, document), for the vocabulary. */
function vocabularyOf(source: string): string {
  return `SELECT DISTINCT s.owner_id, term FROM ${source} s, unnest(tsvector_to_array(s.document)) AS term
    WHERE NOT s.deleted AND length(term) <= ${maxVocabularyTermLength}`;
}

/** Whether a lexeme goes to the vocabulary: not longer than `maxVocabularyTermLength` code points (as SQL's `length`). */
function isVocabularyTerm(term: string): boolean {
  return term.length <= maxVocabularyTermLength || [...term].length <= maxVocabularyTermLength;
}

/**
 * The statement (a one-column `n`) that takes the owners' (`param`: text[] of owner ids) vocabulary locks,
 * shared (a write adding terms) or exclusive (a pruning), in lock-id order (so no two statements deadlock on
 * them). Keys of their own (schema, `search-vocabulary:`, owner): never the projector's owner locks, which a
 * projection transaction holds while this index's statements run on other connections.
 */
function lockOwners(param: string, mode: 'shared' | 'exclusive'): string {
  const fn = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  return `SELECT count(${fn}(id)) AS n FROM (
      SELECT DISTINCT hashtextextended(current_schema() || ':search-vocabulary:' || owner, 0) AS id FROM unnest(${param}::text[]) AS owner
      ORDER BY 1) AS ordered`;
}

/**
 * Drops the owners' vocabulary terms that none of their live documents holds any more (after deletions: no
 * word of a deleted thing is kept). One pass over each owner's live documents; deletions are rare. In a
 * transaction of its own that first takes the owners' vocabulary locks exclusively: it waits for the writes
 * of those owners in flight (each holds them shared until it commits, taken before it adds terms), and its
 * statement, begun after, sees their documents; a write that begins meanwhile waits for it, then adds its
 * terms again (`ON CONFLICT` sees the pruning's deletions). So a term a concurrent write needs is never lost.
 */
async function pruneVocabulary(pool: Pool, ownerIds: readonly string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(lockOwners('$1', 'exclusive'), [ownerIds]);
    await client.query(
      `WITH live AS (
         SELECT DISTINCT d.owner_id, term FROM search_documents d, unnest(tsvector_to_array(d.document)) AS term
         WHERE d.owner_id = ANY($1::uuid[]) AND NOT d.deleted)
       DELETE FROM search_vocabulary v
       WHERE v.owner_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM live l WHERE l.owner_id = v.owner_id AND l.term = v.term)`,
      [ownerIds],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Analyses again the rows written before the service analysed them (`analysis` < 2: Postgres' `english`
 * configuration), in batches, and adds their terms to the vocabulary; a row written meanwhile (newer version)
 * is left as that write made it. Idempotent: every process that prepares the index may run it.
 */
async function reanalyse(pool: Pool): Promise<void> {
  for (;;) {
    const { rows } = await pool.query<{ doc_id: string; owner_id: string; version: number; title: string | null; tags: string[]; body: string }>(
      `SELECT doc_id, owner_id, version, title, tags, body FROM search_documents WHERE analysis < ${analysisVersion} ORDER BY doc_id LIMIT ${reanalysisBatch}`,
    );
    if (rows.length === 0) return;
    const analysed = rows.map((row) => ({ doc_id: row.doc_id, version: row.version, document: documentVector(row) }));
    await pool.query(
      `WITH locked AS (${lockOwners('$2', 'shared')}),
       written AS (
         UPDATE search_documents d SET document = r.document::tsvector, analysis = ${analysisVersion}
         FROM jsonb_to_recordset($1::jsonb) AS r(doc_id uuid, version int, document text)
         WHERE d.doc_id = r.doc_id AND d.version = r.version AND d.analysis < ${analysisVersion} AND (SELECT n FROM locked) >= 0
         RETURNING d.owner_id, d.deleted, d.document)
       INSERT INTO search_vocabulary (owner_id, term)
       ${vocabularyOf('written')}
       ORDER BY 1, 2
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(analysed), [...new Set(rows.map((row) => row.owner_id))]],
    );
    // A row whose version moved on meanwhile was analysed by the write that moved it.
  }
}

function documentOf(row: DocumentRow): SearchDocument {
  return {
    id: row.doc_id, kind: row.kind, ownerId: row.owner_id, journalId: row.journal_id, title: row.title, body: row.body, tags: row.tags,
    mood: row.mood, day: row.day, createdAt: new Date(row.created_at).toISOString(), version: row.version, deleted: row.deleted,
    completed: row.completed,
  };
}
