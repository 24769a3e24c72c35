import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../application/search-index.js';
import { tombstone } from '../domain/search-document.js';
import { encodeSearchCursor } from '../domain/search-query.js';
import { document, query } from '../test/documents.js';
import { elasticIndex, postgresIndex, type IndexFactory, type IndexFixture } from '../test/search-index-fixtures.js';

// One contract, two adapters: whatever the projector and the subgraph rely on holds for Elasticsearch
// (distributed) and Postgres full-text search (embedded) alike.
describe.each<[string, IndexFactory]>([
  ['elasticsearch', elasticIndex],
  ['postgres', postgresIndex],
])('SearchIndex contract: %s', (_name, factory) => {
  let fixture: IndexFixture;
  let index: SearchIndex;
  beforeAll(async () => {
    fixture = await factory();
    index = fixture.index;
  });
  afterAll(async () => fixture?.dispose());

  async function written(...documents: Parameters<SearchIndex['write']>[0][number][]) {
    await index.write(documents);
    await index.refresh();
  }

  const ids = async (ownerId: string, text: string, request = {}) => (await index.search(query(ownerId, text, request))).hits.map((h) => h.id);

  it('prepares idempotently and keeps documents exactly as written', async () => {
    await index.prepare();
    const doc = document(randomUUID(), { title: 'Morning pages', body: 'Coffee first', tags: ['ritual'], mood: 'CALM', version: 4 });
    await written(doc);
    expect(await index.get(doc.id)).toEqual(doc);
    expect(await index.get(randomUUID())).toBeUndefined();
  });

  it('finds words in the title, body and tags, stemmed and with highlights', async () => {
    const owner = randomUUID();
    const run = document(owner, { title: 'Evening runs', body: 'I was running along the river and felt lighter', tags: ['fitness'] });
    const other = document(owner, { kind: 'thought', journalId: null, body: 'A quiet day of reading' });
    await written(run, other);
    const page = await index.search(query(owner, 'run river'));
    expect(page.hits.map((h) => h.id)).toEqual([run.id]);
    expect(page.total).toBe(1);
    expect(page.hits[0]!.kind).toBe('entry');
    expect(page.hits[0]!.score).toBeGreaterThan(0);
    expect(page.hits[0]!.highlights.join(' ')).toContain('<em>river</em>');
    // a stemmed match is highlighted in the words as written
    expect((await index.search(query(owner, 'runs'))).hits[0]!.highlights.join(' ')).toMatch(/<em>running<\/em>/i);
    expect(await ids(owner, 'fitness')).toEqual([run.id]);
    expect(await ids(owner, 'reading')).toEqual([other.id]);
  });

  it('highlights as inert HTML: markup in the text comes back escaped, only <em> marks the hits', async () => {
    const owner = randomUUID();
    const doc = document(owner, { title: '<b>Bold</b> plans', body: 'A <script>alert(1)</script> garden & more garden' });
    await written(doc);
    const highlights = (await index.search(query(owner, 'garden'))).hits[0]!.highlights.join(' ');
    expect(highlights).toContain('<em>garden</em>');
    expect(highlights).toContain('alert(1)');
    expect(highlights.replaceAll('<em>', '').replaceAll('</em>', '')).not.toMatch(/<|>/);
  });

  it('is fuzzy: a typo still finds the word', async () => {
    const owner = randomUUID();
    const doc = document(owner, { body: 'Gratitude journal for the week' });
    await written(doc);
    expect(await ids(owner, 'gratitute')).toEqual([doc.id]);
    expect(await ids(owner, 'jurnal')).toEqual([doc.id]);
  });

  // Stemming and typos (issue 13): each query word matches the document's words exactly, by stem (Snowball English)
  // or within Elasticsearch's `fuzziness: AUTO` (0 edits for 1–2 letters, 1 for 3–5, 2 from 6; a transposition is one
  // edit) of a word or of a stem, independently of the other words; every word must match; accents are folded.
  describe('stemming and typos, one behaviour', () => {
    const hike = (owner: string) => document(owner, { title: 'Saturday', body: 'We hiked the mountains near the lake' });

    it('finds a misspelt word and an inflected one together (the hiked-mountains case)', async () => {
      const owner = randomUUID();
      const doc = hike(owner);
      await written(doc);
      expect(await ids(owner, 'montains hiking')).toEqual([doc.id]);
      expect(await ids(owner, 'hiking montains')).toEqual([doc.id]);
      expect(await ids(owner, 'mountain hikes lakes')).toEqual([doc.id]);
    });

    it('finds plurals and singulars either way, irregular -ies included', async () => {
      const owner = randomUUID();
      const skies = document(owner, { body: 'Clear skies over two puppies' });
      const box = document(owner, { body: 'a box of cherry' });
      await written(skies, box);
      expect(await ids(owner, 'sky puppy')).toEqual([skies.id]);
      expect(await ids(owner, 'boxes cherries')).toEqual([box.id]);
    });

    it('finds inflections a stemmer can join (not irregular forms)', async () => {
      const owner = randomUUID();
      const died = document(owner, { body: 'The old fern died in winter' });
      const generous = document(owner, { body: 'She was generously helpful' });
      await written(died, generous);
      expect(await ids(owner, 'dying fern')).toEqual([died.id]);
      expect(await ids(owner, 'generous help')).toEqual([generous.id]);
      // an irregular form is no inflection a stemmer knows ("ran" would be a typo of "run", one edit away)
      const going = document(owner, { body: 'going home again' });
      await written(going);
      expect(await ids(owner, 'went home')).toEqual([]);
      expect(await ids(owner, 'goes home')).toEqual([going.id]);
    });

    it('finds a misspelling of another inflection of the word (a typo on the stem)', async () => {
      const owner = randomUUID();
      const doc = hike(owner);
      await written(doc);
      expect(await ids(owner, 'hikking')).toEqual([doc.id]);
      expect(await ids(owner, 'mountian')).toEqual([doc.id]); // a transposition and a plural
    });

    it('allows two edits from six letters, one from three, none under three', async () => {
      const owner = randomUUID();
      const doc = document(owner, { body: 'my garden cat is on the river' });
      await written(doc);
      expect(await ids(owner, 'gurdan')).toEqual([doc.id]); // 6 letters, 2 edits
      expect(await ids(owner, 'rivur')).toEqual([doc.id]); // 5 letters, 1 edit
      expect(await ids(owner, 'ravor')).toEqual([]); // 5 letters, 2 edits
      expect(await ids(owner, 'cst')).toEqual([doc.id]); // 3 letters, 1 edit
      expect(await ids(owner, 'ox garden')).toEqual([]); // 2 letters: exact only ("on", "is", "my" are one edit away)
      expect(await ids(owner, 'xy')).toEqual([]);
      expect(await ids(owner, 'on garden')).toEqual([doc.id]);
    });

    it('folds accents in documents and queries', async () => {
      const owner = randomUUID();
      const doc = document(owner, { title: 'Café notes', body: 'Sent my résumés; a naïve hope' });
      const plain = document(owner, { body: 'a naive cafe owner called Zoe' });
      await written(doc, plain);
      expect((await ids(owner, 'cafe naive')).sort()).toEqual([doc.id, plain.id].sort());
      expect((await ids(owner, 'CAFÉ naïve')).sort()).toEqual([doc.id, plain.id].sort());
      expect(await ids(owner, 'resume')).toEqual([doc.id]);
      expect(await ids(owner, 'zoë')).toEqual([plain.id]);
      const highlights = (await index.search(query(owner, 'resume', {}))).hits[0]!.highlights.join(' ');
      expect(highlights).toContain('<em>résumés</em>');
    });

    it('ranks an exact word over a stem over a typo', async () => {
      const owner = randomUUID();
      const typo = document(owner, { body: 'biking' });
      const stem = document(owner, { body: 'hiked' });
      const exact = document(owner, { body: 'hiking' });
      await written(typo, stem, exact);
      expect(await ids(owner, 'hiking')).toEqual([exact.id, stem.id, typo.id]);
    });

    it('matches nothing unrelated: every word must match, and a prefix is of the word typed, not of its stem', async () => {
      const owner = randomUUID();
      const doc = hike(owner);
      const runway = document(owner, { body: 'The runway lights at night' });
      await written(doc, runway);
      for (const text of ['running', 'mountains swimming', 'hunted', 'rivers', 'mounted', 'lakers hiked dog']) {
        expect(await ids(owner, text), text).toEqual([]);
      }
      expect(await ids(owner, 'runw')).toEqual([runway.id]);
    });
  });

  it('completes the last word typed as a prefix', async () => {
    const owner = randomUUID();
    const doc = document(owner, { body: 'Meditation in the morning' });
    await written(doc);
    expect(await ids(owner, 'medit')).toEqual([doc.id]);
  });

  it('never lets an older, repeated or out-of-order version replace a newer one', async () => {
    const owner = randomUUID();
    const v1 = document(owner, { body: 'first draft about apples', version: 1 });
    const v2 = { ...v1, body: 'second draft about bananas', version: 2 };
    const v3 = { ...v1, body: 'third draft about cherries', version: 3 };
    await index.write([v3]);
    await index.write([v1]); // late
    await index.write([v2]); // out of order
    await index.write([v3]); // repeated
    await index.write([{ ...v3, body: 'a different story at the same version' }]); // same version, other content
    await Promise.all([index.write([v2]), index.write([v1]), index.write([v3])]); // racing
    await index.refresh();
    expect(await index.get(v1.id)).toEqual(v3);
    expect(await ids(owner, 'cherries')).toEqual([v1.id]);
    expect(await ids(owner, 'apples')).toEqual([]);
    expect(await ids(owner, 'bananas')).toEqual([]);
  });

  it('keeps the newest of several versions written in one call', async () => {
    const owner = randomUUID();
    const base = document(owner, { body: 'alpha', version: 1 });
    await written({ ...base, body: 'gamma', version: 3 }, base, { ...base, body: 'beta', version: 2 });
    expect((await index.get(base.id))?.body).toBe('gamma');
  });

  it('honours deletes: a tombstone hides the document and a late event cannot resurrect it', async () => {
    const owner = randomUUID();
    const live = document(owner, { body: 'walk in the park', version: 1 });
    const updated = { ...live, body: 'walk in the forest', version: 2 };
    await written(live);
    await written({ ...updated, deleted: true, version: 3 });
    await written(updated); // late update
    await written(live); // replayed creation
    expect(await ids(owner, 'walk')).toEqual([]);
    expect((await index.get(live.id))?.deleted).toBe(true);
    expect(await index.suggest(owner, 'wal', 10)).toEqual([]);
  });

  it('writes a deletion as a tombstone with no read first: it replaces any older version, stays for good, and no search, suggestion or total counts it', async () => {
    const owner = randomUUID();
    const deletedAt = '2030-02-01T00:00:00.000Z';
    const known = document(owner, { kind: 'thought', journalId: null, body: 'velvet moss garden', tags: ['velvet'], version: 2 });
    const neverSeen = document(owner, { kind: 'task', journalId: null, title: 'Velvet errand', body: '', version: 1, completed: false });
    const live = document(owner, { body: 'velvet curtains' });
    await written(known, live);
    // Deletions as the projector writes them: from the events alone, at their versions.
    await written(
      tombstone({ id: known.id, kind: 'thought', ownerId: owner, journalId: null, version: 3, deletedAt }),
      tombstone({ id: neverSeen.id, kind: 'task', ownerId: owner, journalId: null, version: 2, deletedAt }),
    );
    await written(known, { ...known, body: 'velvet moss revived', version: 3 }, neverSeen); // late, replayed and equal-version writes
    const page = await index.search(query(owner, 'velvet'));
    expect(page.hits.map((hit) => hit.id)).toEqual([live.id]);
    expect(page.total).toBe(1);
    expect(await index.suggest(owner, 'vel', 10)).toEqual(['velvet']);
    expect(await index.suggest(owner, 'mos', 10)).toEqual([]);
    expect(await ids(owner, 'errand')).toEqual([]);
    expect(await index.get(known.id)).toMatchObject({ deleted: true, version: 3, body: '', tags: [] });
    expect(await index.get(neverSeen.id)).toMatchObject({ deleted: true, version: 2, kind: 'task' });
  });

  it('reads many documents in one call, tombstones included, unknown ids left out', async () => {
    const owner = randomUUID();
    const docs = [1, 2, 3].map((n) => document(owner, { body: `batch read ${n}`, version: n }));
    const gone = tombstone({ id: randomUUID(), kind: 'thought', ownerId: owner, journalId: null, version: 2, deletedAt: '2030-02-01T00:00:00.000Z' });
    await index.write([...docs, gone]); // no refresh: a multi-get sees what was just written
    const found = await index.getMany([...docs.map((d) => d.id), gone.id, randomUUID()]);
    expect([...found.keys()].sort()).toEqual([...docs.map((d) => d.id), gone.id].sort());
    for (const doc of docs) expect(found.get(doc.id)).toEqual(doc);
    expect(found.get(gone.id)).toEqual(gone);
    expect(await index.getMany([])).toEqual(new Map());
  });

  it('hides every entry of a deleted journal and nothing else', async () => {
    const owner = randomUUID();
    const journalId = randomUUID();
    const entries = [1, 2, 3, 4].map((n) => document(owner, { journalId, body: `holiday note ${n}`, version: n }));
    const elsewhere = document(owner, { body: 'holiday plans elsewhere' });
    const thought = document(owner, { kind: 'thought', journalId: null, body: 'holiday thought' });
    await written(...entries, elsewhere, thought);
    await index.hideJournalEntries(owner, journalId);
    await index.hideJournalEntries(randomUUID(), elsewhere.journalId!); // another owner's call changes nothing
    await index.refresh();
    expect((await ids(owner, 'holiday')).sort()).toEqual([elsewhere.id, thought.id].sort());
    expect(await index.get(entries[3]!.id)).toEqual({ ...entries[3], deleted: true });
  });

  it('keeps two users with identical words apart, in search and suggest', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    const hers = document(alice, { title: 'Secret plan', body: 'zanzibar expedition' });
    const his = document(bob, { title: 'Secret plan', body: 'zanzibar expedition' });
    await written(hers, his);
    expect(await ids(alice, 'zanzibar expedition')).toEqual([hers.id]);
    expect(await ids(bob, 'zanzibar expedition')).toEqual([his.id]);
    expect(await ids(randomUUID(), 'zanzibar')).toEqual([]);
    expect(await index.suggest(alice, 'zanz', 10)).toEqual(['zanzibar']);
    expect(await index.suggest(randomUUID(), 'zanz', 10)).toEqual([]);
  });

  it('treats query syntax and injection attempts as plain words', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    await written(document(bob, { body: 'bob private diary words' }), document(alice, { body: 'alice notes' }));
    const attempts = [
      `* OR ownerId:${bob}`,
      `ownerId:${bob} diary`,
      '") OR 1=1 --',
      "'; DROP TABLE search_documents; --",
      '{"match_all":{}}',
      'diary | private & !alice',
      'diary:* | private:*',
      '\\ " \' ( ) [ ] { } ~ ^ * ? : /',
      `diary ${'x'.repeat(200)}`,
    ];
    for (const text of attempts) {
      expect(await ids(alice, text), text).toEqual([]);
    }
    expect((await ids(bob, 'diary')).length).toBe(1); // the table and the data are still there
  });

  it('filters by kind, tag, mood and date range', async () => {
    const owner = randomUUID();
    const entry = document(owner, { body: 'sunny picnic', tags: ['family'], mood: 'GREAT', day: '2030-03-01' });
    const thought = document(owner, { kind: 'thought', journalId: null, body: 'sunny idea', tags: ['work'], day: '2030-03-05' });
    const task = document(owner, { kind: 'task', journalId: null, title: 'Sunny errand', body: '', tags: ['family'], day: '2030-03-10', completed: false });
    await written(entry, thought, task);
    const sorted = async (request: object) => (await ids(owner, 'sunny', request)).sort();
    expect(await sorted({})).toEqual([entry.id, thought.id, task.id].sort());
    expect(await sorted({ kinds: ['thought', 'task'] })).toEqual([thought.id, task.id].sort());
    expect(await sorted({ tags: ['family'] })).toEqual([entry.id, task.id].sort());
    expect(await sorted({ mood: 'GREAT' })).toEqual([entry.id]);
    expect(await sorted({ from: '2030-03-02', to: '2030-03-09' })).toEqual([thought.id]);
    expect(await sorted({ from: '2030-03-05' })).toEqual([thought.id, task.id].sort());
  });

  it('pages with cursors through every hit once, best first', async () => {
    const owner = randomUUID();
    const docs = [1, 2, 3, 4, 5, 6, 7].map((n) => document(owner, { body: `${'lantern '.repeat(n)}glow ${n}` }));
    await written(...docs);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNo = 0; pageNo < 10; pageNo += 1) {
      const page = await index.search(query(owner, 'lantern', { first: 3, after }));
      expect(page.total).toBe(7);
      seen.push(...page.hits.map((h) => h.id));
      const last = page.hits.at(-1);
      if (!page.hasNextPage || !last) break;
      after = encodeSearchCursor({ score: last.score, id: last.id });
    }
    expect(seen.sort()).toEqual(docs.map((d) => d.id).sort());
  });

  it('suggests the owner’s words that start with a prefix', async () => {
    const owner = randomUUID();
    await written(document(owner, { title: 'Meditation', body: 'mindful meditation and a mindset shift', tags: ['mindfulness'] }));
    const words = await index.suggest(owner, 'mind', 10);
    expect(words.sort()).toEqual(['mindful', 'mindfulness', 'mindset']);
    expect(await index.suggest(owner, 'zzz', 10)).toEqual([]);
  });

  it('erases every document of an owner, tombstones and words included, and nobody else’s (issue 16)', async () => {
    const [gone, kept] = [randomUUID(), randomUUID()];
    const live = document(gone, { title: 'Quokkaword walk', body: 'quokkaword by the river', tags: ['quokkaword'] });
    const thought = document(gone, { kind: 'thought', journalId: null, body: 'quokkaword thought' });
    const deleted = { ...document(gone, { body: 'quokkaword deleted', version: 3 }), deleted: true };
    const theirs = document(kept, { title: 'Quokkaword too', body: 'quokkaword of someone else' });
    await written(live, thought, deleted, theirs);
    expect(await index.eraseOwner(gone)).toBe(3);
    await index.refresh();
    for (const doc of [live, thought, deleted]) expect(await index.get(doc.id)).toBeUndefined();
    expect(await ids(gone, 'quokkaword')).toEqual([]);
    expect(await index.suggest(gone, 'quokka', 10)).toEqual([]);
    expect(await index.get(theirs.id)).toEqual(theirs);
    expect(await ids(kept, 'quokkaword')).toEqual([theirs.id]);
    expect(await index.eraseOwner(gone)).toBe(0);
  });
});
