import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tombstone } from '../../domain/search-document.js';
import { document, query } from '../../test/documents.js';
import { elasticClient, elasticIndexWith } from '../../test/search-index-fixtures.js';
import { toElasticDocument } from './elastic-document.js';
import { reindexSearchIndex } from './reindex.js';

describe('Elasticsearch search index', () => {
  let client: Client;
  const disposals: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    client = await elasticClient();
  });
  afterAll(async () => {
    await Promise.all(disposals.map((dispose) => dispose()));
    await client.close();
  });

  function fresh() {
    const fixture = elasticIndexWith(client);
    disposals.push(() => fixture.dispose());
    return fixture;
  }

  it('creates <prefix>entries_v2 behind the alias, with explicit strict mappings', async () => {
    const { index, prefix } = fresh();
    await index.prepare();
    await index.prepare();
    expect(Object.keys(await client.indices.getAlias({ name: `${prefix}entries` }))).toEqual([`${prefix}entries_v2`]);
    const mapping = (await client.indices.getMapping({ index: `${prefix}entries` }))[`${prefix}entries_v2`]!.mappings;
    expect(mapping.dynamic).toBe('strict');
    expect(mapping.properties?.['ownerId']).toEqual({ type: 'keyword' });
    expect(mapping.properties?.['allWords']).toMatchObject({ type: 'text', analyzer: 'whitespace', index_prefixes: { min_chars: 2, max_chars: 10 } });
    expect(mapping.properties?.['allStems']).toMatchObject({ type: 'text', analyzer: 'whitespace' });
    // an unknown field is refused, not silently mapped
    await expect(client.index({ index: `${prefix}entries`, id: randomUUID(), document: { surprise: 1 } })).rejects.toThrow(/strict_dynamic_mapping_exception/);
  });

  it('stores the aggregate version as the external version; deletions are versioned tombstones', async () => {
    const { index, prefix } = fresh();
    await index.prepare();
    const doc = document(randomUUID(), { body: 'versioned', version: 7 });
    await index.write([doc]);
    await index.write([{ ...doc, deleted: true, version: 8 }]);
    const stored = await client.get({ index: `${prefix}entries`, id: doc.id });
    expect(stored._version).toBe(8);
    expect((stored._source as { deleted: boolean }).deleted).toBe(true);
  });

  it('keeps a deletion past index.gc_deletes: a real delete forgets its version and a late write brings the document back, a tombstone never does', async () => {
    const { index, prefix } = fresh();
    await index.prepare();
    const alias = `${prefix}entries`;
    // Elasticsearch remembers a deleted document's version for `index.gc_deletes` (60 s by default): here 0 s, so
    // the test needs no minute of waiting to show what happens after it.
    await client.indices.putSettings({ index: alias, settings: { 'index.gc_deletes': '0s' } });
    const owner = randomUUID();
    const forgotten = document(owner, { body: 'ghost story one', version: 1 });
    const kept = document(owner, { body: 'ghost story two', version: 1 });
    await index.write([forgotten, kept]);
    await client.delete({ index: alias, id: forgotten.id, version: 2, version_type: 'external' }); // what the index must not do
    await index.write([tombstone({ id: kept.id, kind: 'entry', ownerId: owner, journalId: kept.journalId, version: 2, deletedAt: '2030-01-16T00:00:00.000Z' })]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await index.refresh(); // deleted versions older than gc_deletes are pruned on refresh
    await index.write([forgotten, kept]); // late (or replayed) writes of version 1
    await index.refresh();
    expect(await index.get(forgotten.id)).toEqual(forgotten); // resurrected: the delete's version was forgotten
    expect(await index.get(kept.id)).toMatchObject({ deleted: true, version: 2, body: '' });
    expect((await client.get({ index: alias, id: kept.id }))._version).toBe(2);
    const page = await index.search(query(owner, 'ghost story'));
    expect(page.hits.map((hit) => hit.id)).toEqual([forgotten.id]);
    expect(page.total).toBe(1);
  });

  it('prepares an index of the previous mappings (v1: standard analyzer, Porter stems) by reindexing it into v2', async () => {
    const { index, prefix } = fresh();
    const alias = `${prefix}entries`;
    // v1 as the previous release created and filled it
    await client.indices.create({
      index: `${alias}_v1`,
      aliases: { [alias]: {} },
      mappings: {
        dynamic: 'strict',
        properties: {
          id: { type: 'keyword' }, kind: { type: 'keyword' }, ownerId: { type: 'keyword' }, journalId: { type: 'keyword' },
          title: { type: 'text', copy_to: 'all' }, body: { type: 'text', copy_to: 'all' }, tags: { type: 'keyword', copy_to: 'all' },
          mood: { type: 'keyword' }, day: { type: 'date', format: 'strict_date' }, createdAt: { type: 'date' }, version: { type: 'integer' },
          deleted: { type: 'boolean' }, completed: { type: 'boolean' }, all: { type: 'text' }, allStemmed: { type: 'text' }, words: { type: 'keyword' },
        },
      },
    });
    const owner = randomUUID();
    const doc = document(owner, { body: 'We hiked the mountains', version: 5 });
    const { allWords: _w, allStems: _s, ...v1Fields } = toElasticDocument(doc);
    await client.index({ index: alias, id: doc.id, version: 5, version_type: 'external', document: { ...v1Fields, all: doc.body, allStemmed: 'we hike the mountain' }, refresh: true });
    await Promise.all([index.prepare(), index.prepare()]); // two processes starting at once: one reindexes, the other waits
    expect(Object.keys(await client.indices.getAlias({ name: alias }))).toEqual([`${alias}_v2`]);
    expect(await index.get(doc.id)).toEqual(doc);
    expect((await client.get({ index: alias, id: doc.id }))._version).toBe(5);
    expect((await index.search(query(owner, 'montains hiking'))).hits.map((hit) => hit.id)).toEqual([doc.id]);
  });

  it('reindexes into _v3 and swaps the alias while reads keep answering and writes keep landing', async () => {
    const { index, prefix } = fresh();
    await index.prepare();
    const owner = randomUUID();
    const docs = Array.from({ length: 40 }, (_, n) => document(owner, { body: `harbour lights ${n}`, version: 2 }));
    const removed = { ...document(owner, { body: 'harbour gone' }), deleted: true, version: 3 };
    await index.write([...docs, removed]);
    await index.refresh();

    // Readers run throughout the reindex; every answer must be complete.
    let reading = true;
    const answers: number[] = [];
    const reader = (async () => {
      for (let n = 0; reading && n < 2_000; n += 1) {
        const page = await index.search(query(owner, 'harbour', { first: 100 }));
        answers.push(page.total);
      }
    })();
    // A writer keeps updating during the copy: newer versions must survive it.
    const updated = docs.slice(0, 10).map((d) => ({ ...d, body: `harbour beacon ${d.id}`, version: 3 }));
    const writer = (async () => {
      for (const doc of updated) await index.write([doc]);
    })();
    const report = await reindexSearchIndex(client, prefix, { maxCount: 7, maxBytes: 64 * 1024 });
    await writer;
    reading = false;
    await reader;

    expect(report).toMatchObject({ from: `${prefix}entries_v2`, to: `${prefix}entries_v3` });
    expect(report.copied).toBe(41);
    expect(Object.keys(await client.indices.getAlias({ name: `${prefix}entries` }))).toEqual([`${prefix}entries_v3`]);
    expect(await client.indices.exists({ index: `${prefix}entries_v2` })).toBe(false);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((total) => total === 40)).toBe(true);
    await index.refresh();
    expect((await index.search(query(owner, 'harbour', { first: 100 }))).total).toBe(40);
    expect((await index.search(query(owner, 'beacon', { first: 100 }))).total).toBe(10);
    for (const doc of updated) expect((await index.get(doc.id))?.version).toBe(3);
    expect((await index.get(removed.id))?.deleted).toBe(true);
    // and the projector's writes after the swap go to the new index, still versioned
    await index.write([{ ...docs[20]!, body: 'stale', version: 1 }]);
    expect((await index.get(docs[20]!.id))?.body).toBe(docs[20]!.body);
  });
});
