import { randomUUID } from 'node:crypto';
import type { Pool } from '@mindflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../application/search-index.js';
import { tombstone } from '../../domain/search-document.js';
import { document, query } from '../../test/documents.js';
import { postgresIndexWithPool } from '../../test/search-index-fixtures.js';

// What only the Postgres index has: rows of the `english` configuration analysed again, the owner's vocabulary
// (typo candidates) kept to live documents, and typo candidates found through an index.
describe('Postgres search index', () => {
  let fixture: Awaited<ReturnType<typeof postgresIndexWithPool>>;
  let pool: Pool;
  let index: SearchIndex;
  beforeAll(async () => {
    fixture = await postgresIndexWithPool('search', 4);
    ({ pool, index } = fixture);
  });
  afterAll(() => fixture?.dispose());

  const ids = async (ownerId: string, text: string) => (await index.search(query(ownerId, text))).hits.map((h) => h.id);
  const vocabulary = async (ownerId: string) =>
    (await pool.query<{ term: string }>('SELECT term FROM search_vocabulary WHERE owner_id = $1 ORDER BY term', [ownerId])).rows.map((r) => r.term);

  it('analyses again, on prepare, the rows an earlier release wrote with the english configuration', async () => {
    const owner = randomUUID();
    const doc = document(owner, { body: 'We hiked the mountains', version: 3 });
    await index.write([doc]);
    // as the previous release left it: Postgres' english analysis, no vocabulary
    await pool.query(`UPDATE search_documents SET document = to_tsvector('english', body), analysis = 1 WHERE doc_id = $1`, [doc.id]);
    await pool.query('DELETE FROM search_vocabulary WHERE owner_id = $1', [owner]);
    expect(await ids(owner, 'montains hiking')).toEqual([]);
    await index.prepare();
    expect(await ids(owner, 'montains hiking')).toEqual([doc.id]);
    expect(await vocabulary(owner)).toEqual(expect.arrayContaining(['hiked', 'mountains', '~hike', '~mountain']));
    expect((await pool.query('SELECT count(*)::int AS n FROM search_documents WHERE analysis < 2')).rows[0]).toEqual({ n: 0 });
  });

  it('keeps no word of a deleted document in the vocabulary', async () => {
    const owner = randomUUID();
    const journalId = randomUUID();
    const kept = document(owner, { body: 'shared words stay' });
    const gone = document(owner, { body: 'shared zeppelin secret', version: 1 });
    const entry = document(owner, { journalId, body: 'shared walrus' });
    await index.write([kept, gone, entry]);
    expect(await vocabulary(owner)).toEqual(expect.arrayContaining(['zeppelin', 'secret', 'walrus']));
    await index.write([tombstone({ id: gone.id, kind: 'entry', ownerId: owner, journalId: gone.journalId, version: 2, deletedAt: '2030-02-01T00:00:00.000Z' })]);
    await index.hideJournalEntries(owner, journalId);
    const terms = await vocabulary(owner);
    expect(terms).toEqual(expect.arrayContaining(['shared', 'words', 'stay', '~share']));
    expect(terms.filter((t) => /zeppelin|secret|walrus/.test(t))).toEqual([]);
    expect(await ids(owner, 'zepelin')).toEqual([]);
    expect(await ids(owner, 'shraed')).toEqual([kept.id]);
  });

  // What a write of the owner in flight holds (postgres-search-index.ts, `lockOwners`) until it commits.
  const vocabularyLock = (mode: 'shared' | 'exclusive') =>
    `SELECT ${mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(hashtextextended(current_schema() || ':search-vocabulary:' || $1, 0))`;
  const settled = async (promise: Promise<unknown>, ms: number) =>
    Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

  it('never drops a term that a write of the same owner in flight needs (the pruning waits for it)', async () => {
    const owner = randomUUID();
    const gone = document(owner, { body: 'zeppelin', version: 1 });
    await index.write([gone]);
    // A write in flight: its document (holding "zeppelin", already in the vocabulary) not yet committed.
    const writer = await pool.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(vocabularyLock('shared'), [owner]);
      await writer.query('CREATE TEMP TABLE in_flight ON COMMIT DROP AS SELECT * FROM search_documents WHERE doc_id = $1', [gone.id]);
      await writer.query('UPDATE in_flight SET doc_id = $1', [randomUUID()]);
      await writer.query('INSERT INTO search_documents SELECT * FROM in_flight');
      const deleting = index.write([tombstone({ id: gone.id, kind: 'entry', ownerId: owner, journalId: gone.journalId, version: 2, deletedAt: '2030-02-01T00:00:00.000Z' })]);
      expect(await settled(deleting, 500)).toBe(false);
      await writer.query('COMMIT');
      await deleting;
    } finally {
      writer.release();
    }
    expect(await vocabulary(owner)).toEqual(expect.arrayContaining(['zeppelin', '~zeppelin']));
    expect(await ids(owner, 'zepelin')).toHaveLength(1);
  });

  it('makes a write wait for a pruning of its owner in progress, then adds its terms', async () => {
    const owner = randomUUID();
    const pruning = await pool.connect();
    try {
      await pruning.query('BEGIN');
      await pruning.query(vocabularyLock('exclusive'), [owner]);
      const doc = document(owner, { body: 'albatross' });
      const writing = index.write([doc]);
      expect(await settled(writing, 500)).toBe(false);
      await pruning.query('COMMIT');
      await writing;
    } finally {
      pruning.release();
    }
    expect(await vocabulary(owner)).toEqual(expect.arrayContaining(['albatross', '~albatross']));
  });

  it('finds typo candidates through the vocabulary index, not a scan of the owner’s documents', async () => {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT v.term FROM search_vocabulary v
       WHERE v.owner_id = $1 AND length(v.term) BETWEEN 4 AND 8 AND levenshtein_less_equal(v.term, 'hikking', 2) <= 2`,
      [randomUUID()],
    );
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(plan).not.toMatch(/search_documents/);
  });
});
