import { join } from 'node:path';
import { migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import type { SearchIndex } from '../../application/search-index.js';
import type { SearchDocument, SearchKind } from '../../domain/search-document.js';
import type { SearchHit, SearchPage } from '../../domain/search-query.js';
import { suggestionWords } from '../../domain/text-analysis.js';
import { fuzzyTsQuery, queryTerms } from './ts-query.js';

export const searchMigrationsDir = join(import.meta.dirname, '..', '..', '..', 'migrations');

const columns = 'doc_id, kind, owner_id, journal_id, title, body, tags, mood, day, created_at, version, deleted, completed';
/** `columns` as a document is read back: the day as `YYYY-MM-DD`, the instant as text (converted to ISO-8601 by `documentOf`). */
const storedColumns = columns.replace('day', "to_char(day, 'YYYY-MM-DD') AS day").replace('created_at', 'created_at::text AS created_at');

/**
 * The embedded search index: Postgres full-text search over `search_documents` in the read DB
 * (`english` configuration, `ts_rank`, `ts_headline`). Fuzziness: each query word also matches the
 * owner's indexed words within a small edit distance (fuzzystrmatch `levenshtein`), like Elasticsearch's
 * `fuzziness: AUTO`. The owner is a SQL parameter of every read, never part of the text query.
 */
export function createPostgresSearchIndex(pool: Pool): SearchIndex {
  return {
    kind: 'postgres',

    async prepare() {
      await migrate(pool, 'search', await migrationsFromDir(searchMigrationsDir));
    },

    async write(documents) {
      if (documents.length === 0) return;
      const rows = documents.map((d) => ({
        doc_id: d.id, kind: d.kind, owner_id: d.ownerId, journal_id: d.journalId, title: d.title, body: d.body, tags: d.tags,
        mood: d.mood, day: d.day, created_at: d.createdAt, version: d.version, deleted: d.deleted, completed: d.completed,
        words: d.deleted ? [] : suggestionWords([d.title, d.body, ...d.tags]),
      }));
      // One statement for the whole set, with no read first. The version guard (the same rule as Elasticsearch's
      // `external`): a row changes only for a newer version; older, equal and repeated writes do nothing, and a
      // tombstone (`deleted`) is a row like any other, kept for good, so nothing older can replace it.
      await pool.query(
        `INSERT INTO search_documents (${columns}, words, document)
         SELECT DISTINCT ON (doc_id) ${columns}, words,
           setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
           setweight(to_tsvector('english', array_to_string(tags, ' ')), 'B') ||
           setweight(to_tsvector('english', body), 'C')
         FROM jsonb_to_recordset($1::jsonb) AS r(doc_id uuid, kind text, owner_id uuid, journal_id uuid, title text, body text, tags text[],
           mood text, day date, created_at timestamptz, version int, deleted boolean, completed boolean, words text[])
         ORDER BY doc_id, version DESC
         ON CONFLICT (doc_id) DO UPDATE SET kind = EXCLUDED.kind, owner_id = EXCLUDED.owner_id, journal_id = EXCLUDED.journal_id,
           title = EXCLUDED.title, body = EXCLUDED.body, tags = EXCLUDED.tags, mood = EXCLUDED.mood, day = EXCLUDED.day,
           created_at = EXCLUDED.created_at, version = EXCLUDED.version, deleted = EXCLUDED.deleted, completed = EXCLUDED.completed,
           words = EXCLUDED.words, document = EXCLUDED.document
         WHERE search_documents.version < EXCLUDED.version`,
        [JSON.stringify(rows)],
      );
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
      await pool.query(
        `UPDATE search_documents SET deleted = true, words = '{}'
         WHERE owner_id = $1 AND journal_id = $2 AND kind = 'entry' AND NOT deleted`,
        [ownerId, journalId],
      );
    },

    async search(query) {
      const terms = queryTerms(query.text);
      if (terms.length === 0) return { hits: [], hasNextPage: false, total: 0 };
      const tsQuery = await fuzzyTsQuery(pool, query.ownerId, terms);
      const filters = [query.ownerId, tsQuery, query.kinds.length > 0 ? query.kinds : null, query.tags, query.mood, query.from, query.to];
      const matching = `FROM search_documents d, to_tsquery('english', $2) AS q
        WHERE d.owner_id = $1 AND NOT d.deleted AND d.document @@ q
          AND ($3::text[] IS NULL OR d.kind = ANY($3)) AND d.tags @> $4::text[] AND ($5::text IS NULL OR d.mood = $5)
          AND ($6::date IS NULL OR d.day >= $6) AND ($7::date IS NULL OR d.day <= $7)`;
      const after = query.after;
      const { rows } = await pool.query<HitRow>(
        `WITH ranked AS (SELECT d.doc_id, d.kind, d.title, d.body, ts_rank(d.document, q) AS score, q ${matching})
         SELECT doc_id, kind, score,
           CASE WHEN title IS NULL THEN NULL ELSE ts_headline('english', ${escapedHtml('title')}, q, 'StartSel=<em>, StopSel=</em>, HighlightAll=true') END AS title_highlight,
           ts_headline('english', ${escapedHtml('body')}, q, 'StartSel=<em>, StopSel=</em>, MaxFragments=3, MaxWords=24, MinWords=6, FragmentDelimiter=" … "') AS body_highlight
         FROM ranked
         WHERE $8::real IS NULL OR score < $8::real OR (score = $8::real AND doc_id > $9::uuid)
         ORDER BY score DESC, doc_id ASC
         LIMIT $10`,
        [...filters, after?.score ?? null, after?.id ?? null, query.first + 1],
      );
      const { rows: counted } = await pool.query<{ total: string }>(`SELECT count(*) AS total ${matching}`, filters);
      const hits: SearchHit[] = rows.slice(0, query.first).map((row) => ({
        id: row.doc_id,
        kind: row.kind,
        score: row.score,
        highlights: [row.title_highlight, row.body_highlight].filter((h): h is string => h !== null && h.includes('<em>')),
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
  title_highlight: string | null;
  body_highlight: string;
}

function documentOf(row: DocumentRow): SearchDocument {
  return {
    id: row.doc_id, kind: row.kind, ownerId: row.owner_id, journalId: row.journal_id, title: row.title, body: row.body, tags: row.tags,
    mood: row.mood, day: row.day, createdAt: new Date(row.created_at).toISOString(), version: row.version, deleted: row.deleted,
    completed: row.completed,
  };
}

/**
 * The column with `&`, `<` and `>` escaped: highlights are HTML (`<em>` marks the hits), so the text around
 * them must be inert, as the Elasticsearch adapter's `encoder: 'html'` makes it.
 */
function escapedHtml(column: string): string {
  return `replace(replace(replace(${column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
}
