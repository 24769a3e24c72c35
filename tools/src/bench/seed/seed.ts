// A realistic read DB, written straight into the read-model tables with set-based SQL (generate_series), so it
// reads exactly as if the query and search projectors had built it from events (issue 11, "Scale with data").
//
// What one seeded entry touches, as the projectors write it: journals_view (entry_count), entries_view,
// tag_uses + tags_view, entry_sentiments (an AIInsightsGenerated for most entries) and mood_days, read_stamps,
// projection_versions (query and search), search_documents + search_vocabulary (the Postgres search index).
// Every user also has tasks (task_occurrences_view for completed days of recurring ones) and calendar events.
// Thoughts are not seeded (no read the benchmark times uses them).
//
// Skew: entry i belongs to user ⌊users · r²⌋ (r uniform), so user 0 is the heaviest (≈ entries/√users of them),
// and within a user journal ⌊journals · r²⌋; moods and tags from small vocabularies, few tags per entry; dates
// spread over the last two years. Ids are derived from numbers (md5), so a run is reproducible and the bench
// knows the heavy user without asking.
import { createHash } from 'node:crypto';
import { createPool, migrate, migrationsFromDir, type Pool } from '@mindflow/db';
import { queryMigrationsDir } from '@mindflow/query';
import { createSearchIndex, searchMigrationsDir } from '@mindflow/search';

export interface SeedOptions {
  readonly readDatabaseUrl: string;
  readonly entries: number;
  readonly users: number;
  /** Each SQL step is stopped past this (statement_timeout); the whole seed is bounded by steps × this. */
  readonly stepTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface SeedResult {
  readonly heavyUserId: string;
  /** The heavy user's biggest journal. */
  readonly heavyJournalId: string;
  readonly heavyUserEntries: number;
  readonly heavyJournalEntries: number;
  readonly counts: Record<string, number>;
  readonly elapsedMs: number;
}

/** The id the seed gives to user `n` (0 is the heaviest). */
export const seededUserId = (n: number) => uuidOf(`mindflow-seed-user-${n}`);

function uuidOf(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const moods = ['CALM', 'GOOD', 'OKAY', 'GRATEFUL', 'GREAT', 'LOW', 'STRESSED', 'ANXIOUS', 'BAD'];
const tagWords = ['work', 'family', 'health', 'running', 'reading', 'garden', 'travel', 'cooking', 'music', 'friends',
  'sleep', 'project', 'weekend', 'gratitude', 'ideas', 'kids', 'money', 'learning', 'walk', 'coffee'];
const subjects = ['morning', 'evening', 'walk', 'meeting', 'run', 'dinner', 'book', 'garden', 'trip', 'call', 'plan', 'weekend',
  'project', 'class', 'market', 'lunch'];
const feelings = ['quiet', 'busy', 'slow', 'bright', 'rainy', 'calm', 'tiring', 'good', 'long', 'short', 'happy', 'strange'];
const sentences = [
  'I woke up early and went for a walk along the river before work.',
  'The meeting ran long, but we finally agreed on the plan for the release.',
  'Cooked dinner with the kids and we laughed about the burnt bread.',
  'Read two chapters of the novel; the ending of the second surprised me.',
  'The garden needs water again, the tomatoes are almost ready.',
  'Felt anxious about the deadline, then wrote down what is left and it looked smaller.',
  'Called my sister, we talked about the trip in the summer.',
  'A slow day: coffee, music, a long nap, nothing urgent.',
  'Ran five kilometres in the rain and felt great afterwards.',
  'Learned how the new library handles retries; wrote notes for the team.',
  'Paid the bills and planned the budget for next month.',
  'Grateful for friends who listen without giving advice.',
];

/** TEXTS × TAGSETS combinations: each entry is one, and each combination is analysed once by the search index. */
const TEXTS = 32;
const TAGSETS = 32;

function texts(): { t: number; title: string; content: string; wordCount: number }[] {
  return Array.from({ length: TEXTS }, (_, t) => {
    const title = `${feelings[t % feelings.length]} ${subjects[(t * 7) % subjects.length]}`.replace(/^./, (c) => c.toUpperCase());
    const count = 1 + (t % 4);
    const content = Array.from({ length: count }, (_, k) => sentences[(t * 5 + k * 3) % sentences.length]).join(' ');
    return { t, title, content, wordCount: content.split(/\s+/).filter(Boolean).length };
  });
}

/** Tag sets, the first ones most used: set 0 has none, then one, two or three tags. */
function tagSets(): { c: number; tags: string[] }[] {
  return Array.from({ length: TAGSETS }, (_, c) => {
    const size = c === 0 ? 0 : 1 + (c % 3);
    const tags = [...new Set(Array.from({ length: size }, (_, k) => tagWords[(c * 3 + k * 7) % tagWords.length]!))];
    return { c, tags };
  });
}

export async function seedReadModel(options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => console.error(`[seed] ${line}`));
  const began = performance.now();
  const pool = createPool(options.readDatabaseUrl, { applicationName: 'seed', max: 2 });
  try {
    await migrate(pool, 'query', await migrationsFromDir(queryMigrationsDir));
    await migrate(pool, 'search', await migrationsFromDir(searchMigrationsDir));
    const { rows: existing } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM entries_view');
    if (existing[0]!.n > 0) throw new Error(`the read DB already has ${existing[0]!.n} entries: seed an empty one`);
    await templates(pool);
    await searchTemplates(pool, log);
    const client = await pool.connect();
    try {
      await client.query(`SET statement_timeout = ${Math.round(options.stepTimeoutMs ?? 600_000)}`);
      // One process writes, in a fixed order: random() after setseed is reproducible.
      await client.query('SET max_parallel_workers_per_gather = 0');
      await client.query('SET synchronous_commit = off');
      const step = async (what: string, sql: string, values: unknown[] = []) => {
        const started = performance.now();
        const result = await client.query(sql, values);
        log(`${what}: ${result.rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      };
      const { entries, users } = options;
      await client.query('SELECT setseed(0.42)');
      await step('users', `
        CREATE UNLOGGED TABLE seed_users AS
        SELECT n, md5('mindflow-seed-user-' || n)::uuid AS owner_id, 1 + (n + 2) % 3 AS journals
          FROM generate_series(0, $1::int - 1) AS n`, [users]);
      await step('journals_view', `
        INSERT INTO journals_view (journal_id, owner_id, name, description, color, icon, is_private, version, entry_count, created_at, updated_at)
        SELECT md5('mindflow-seed-journal-' || u.n || '-' || k)::uuid, u.owner_id,
               (ARRAY['Daily', 'Work', 'Dreams'])[k + 1], NULL, (ARRAY['#4f46e5', '#059669', '#d97706'])[k + 1], NULL, k = 2, 1, 0,
               date_trunc('milliseconds', now() - interval '731 days'), date_trunc('milliseconds', now() - interval '731 days')
          FROM seed_users u, generate_series(0, u.journals - 1) AS k`);
      await step('entries (staging)', `
        CREATE UNLOGGED TABLE seed_entries AS
        SELECT i, md5('mindflow-seed-entry-' || i)::uuid AS entry_id, u.owner_id, u.n AS user_n,
               floor(u.journals * r.j * r.j)::int AS k, r.t, r.c,
               CASE WHEN r.m < 0.1 THEN NULL ELSE ($3::text[])[1 + floor(9 * power(r.m2, 1.7))::int] END AS mood,
               date_trunc('milliseconds', now() - r.age * interval '730 days') AS created_at, r.s
          FROM generate_series(1, $1::int) AS i
          CROSS JOIN LATERAL (SELECT floor($2::int * power(random(), 2))::int AS u, random() AS j, floor(random() * ${TEXTS})::int AS t,
                                     floor(power(random(), 1.5) * ${TAGSETS})::int AS c, random() AS m, random() AS m2, random() AS age,
                                     random() AS s, i AS correlated OFFSET 0) AS r
          JOIN seed_users u ON u.n = r.u`, [entries, users, moods]);
      await step('entries_view', `
        INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags, word_count, version, created_at, updated_at)
        SELECT e.entry_id, j.journal_id, e.owner_id, j.name, t.title, t.content, e.mood, g.tags, t.word_count, 1, e.created_at, e.created_at
          FROM seed_entries e
          JOIN journals_view j ON j.journal_id = md5('mindflow-seed-journal-' || e.user_n || '-' || e.k)::uuid
          JOIN seed_texts t ON t.t = e.t JOIN seed_tagsets g ON g.c = e.c`);
      await step('journals_view.entry_count', `
        UPDATE journals_view j SET entry_count = n.n FROM (SELECT journal_id, count(*)::int AS n FROM entries_view GROUP BY journal_id) n
         WHERE j.journal_id = n.journal_id`);
      await step('tag_uses', `INSERT INTO tag_uses (item_id, owner_id, tag) SELECT entry_id, owner_id, tag FROM entries_view, unnest(tags) AS tag`);
      await step('tags_view', 'INSERT INTO tags_view (owner_id, tag, count) SELECT owner_id, tag, count(*)::int FROM tag_uses GROUP BY owner_id, tag');
      // Insights for 80 % of entries: a sentiment that follows the mood, analysed a few seconds after the entry.
      await step('entry_sentiments', `
        INSERT INTO entry_sentiments (entry_id, owner_id, sentiment, entry_version, generated_at)
        SELECT entry_id, owner_id,
               round((CASE WHEN mood IN ('GREAT', 'GRATEFUL', 'GOOD') THEN 0.6 WHEN mood IN ('CALM', 'OKAY') THEN 0.2
                           WHEN mood IS NULL THEN 0 ELSE -0.5 END + (s - 0.5) * 0.6)::numeric, 3)::double precision,
               1, created_at + interval '4 seconds'
          FROM seed_entries WHERE s < 0.8`);
      await step('mood_days', `
        INSERT INTO mood_days (owner_id, day, mood, entry_count, word_count, average_sentiment)
        WITH days AS (
          SELECT e.owner_id, (e.created_at AT TIME ZONE 'UTC')::date AS day, e.mood, e.word_count, e.created_at, s.sentiment
            FROM entries_view e LEFT JOIN entry_sentiments s ON s.entry_id = e.entry_id),
        top AS (
          SELECT DISTINCT ON (owner_id, day) owner_id, day, mood FROM days WHERE mood IS NOT NULL
           GROUP BY owner_id, day, mood ORDER BY owner_id, day, count(*) DESC, max(created_at) DESC, mood)
        SELECT d.owner_id, d.day, top.mood, count(*), sum(d.word_count), avg(d.sentiment)
          FROM days d LEFT JOIN top ON top.owner_id = d.owner_id AND top.day = d.day
         GROUP BY d.owner_id, d.day, top.mood`);
      // Tasks: one per ten entries of the user (at least one), dated over the two years and the next month;
      // 85 % one-off (40 % of the past ones done), 12 % weekly ×8, 3 % daily without end.
      await step('tasks_view', `
        INSERT INTO tasks_view (task_id, owner_id, title, description, date, due_time, priority, category, recurrence, last_date,
                                completed, completed_at, version, created_at, updated_at)
        SELECT md5('mindflow-seed-task-' || u.n || '-' || k)::uuid, u.owner_id,
               (ARRAY['Call the bank', 'Water the plants', 'Gym', 'Write report', 'Groceries', 'Read', 'Pay rent', 'Plan trip'])[1 + k % 8],
               NULL, d.date, CASE WHEN k % 3 = 0 THEN NULL ELSE lpad((7 + k % 12)::text, 2, '0') || ':30' END,
               (ARRAY['LOW', 'MEDIUM', 'HIGH', 'URGENT'])[1 + k % 4], (ARRAY['work', 'health', 'home', 'personal'])[1 + k % 4],
               CASE WHEN d.kind < 0.85 THEN NULL WHEN d.kind < 0.97 THEN 'FREQ=WEEKLY;COUNT=8' ELSE 'FREQ=DAILY' END,
               CASE WHEN d.kind < 0.85 THEN d.date WHEN d.kind < 0.97 THEN d.date + 49 ELSE 'infinity'::date END,
               d.kind < 0.85 AND d.date < current_date AND d.done < 0.4,
               CASE WHEN d.kind < 0.85 AND d.date < current_date AND d.done < 0.4 THEN d.date::timestamp AT TIME ZONE 'UTC' + interval '18 hours' END,
               1, d.date::timestamp AT TIME ZONE 'UTC' - interval '3 days', d.date::timestamp AT TIME ZONE 'UTC' - interval '3 days'
          FROM (SELECT owner_id, count(*) AS n FROM entries_view GROUP BY owner_id) e
          JOIN seed_users u ON u.owner_id = e.owner_id
          CROSS JOIN LATERAL generate_series(0, greatest(1, e.n / 10)::int - 1) AS k
          CROSS JOIN LATERAL (SELECT current_date - floor(random() * 760)::int + 30 AS date, random() AS kind, random() AS done, k AS correlated OFFSET 0) AS d`);
      // Completed days of the weekly series that are past: about half of them.
      await step('task_occurrences_view', `
        INSERT INTO task_occurrences_view (task_id, owner_id, occurrence, completed_at)
        SELECT t.task_id, t.owner_id, t.date + 7 * w, (t.date + 7 * w)::timestamp AT TIME ZONE 'UTC' + interval '19 hours'
          FROM tasks_view t, generate_series(0, 7) AS w
         WHERE t.recurrence = 'FREQ=WEEKLY;COUNT=8' AND t.date + 7 * w < current_date AND (hashtext(t.task_id::text) + w) % 2 = 0`);
      // Calendar events: one per twenty entries of the user (at least one), an hour long; 10 % weekly until ten weeks later.
      await step('calendar_events_view', `
        INSERT INTO calendar_events_view (event_id, owner_id, title, starts_at, ends_at, recurrence, last_ends_at, version, created_at, updated_at)
        SELECT md5('mindflow-seed-event-' || u.n || '-' || k)::uuid, u.owner_id,
               (ARRAY['Dentist', 'Team sync', 'Dinner with Sam', 'Yoga', 'Flight', 'Concert'])[1 + k % 6],
               d.starts, d.starts + interval '1 hour',
               CASE WHEN d.weekly THEN 'FREQ=WEEKLY;UNTIL=' || to_char(d.starts + interval '63 days', 'YYYYMMDD') END,
               CASE WHEN d.weekly THEN d.starts + interval '56 days 1 hour' ELSE d.starts + interval '1 hour' END,
               1, d.starts - interval '7 days', d.starts - interval '7 days'
          FROM (SELECT owner_id, count(*) AS n FROM entries_view GROUP BY owner_id) e
          JOIN seed_users u ON u.owner_id = e.owner_id
          CROSS JOIN LATERAL generate_series(0, greatest(1, e.n / 20)::int - 1) AS k
          CROSS JOIN LATERAL (SELECT date_trunc('day', now() - floor(random() * 760) * interval '1 day' + interval '30 days') + (9 + k % 8) * interval '1 hour' AS starts,
                                     random() < 0.1 AS weekly, k AS correlated OFFSET 0) AS d`);
      await step('projection_versions (query)', `
        INSERT INTO projection_versions (projection, aggregate_id, version)
        SELECT 'query', journal_id, 1 FROM journals_view UNION ALL SELECT 'query', entry_id, 1 FROM entries_view
        UNION ALL SELECT 'query', task_id, 1 FROM tasks_view UNION ALL SELECT 'query', event_id, 1 FROM calendar_events_view`);
      // The stamp counts the events that changed the user's cached reads (one per journal, entry, task, event, insight).
      await step('read_stamps', `
        INSERT INTO read_stamps (owner_id, stamp)
        SELECT owner_id, count(*) FROM (
          SELECT owner_id FROM journals_view UNION ALL SELECT owner_id FROM entries_view UNION ALL SELECT owner_id FROM tasks_view
          UNION ALL SELECT owner_id FROM calendar_events_view UNION ALL SELECT owner_id FROM entry_sentiments) s GROUP BY owner_id`);
      await step('search_documents (entries)', `
        INSERT INTO search_documents (doc_id, kind, owner_id, journal_id, title, body, tags, mood, day, created_at, version, deleted, completed,
                                      words, document, analysis)
        SELECT v.entry_id, 'entry', v.owner_id, v.journal_id, v.title, v.content, v.tags, v.mood, (v.created_at AT TIME ZONE 'UTC')::date,
               v.created_at, 1, false, NULL, s.words, s.document, s.analysis
          FROM seed_entries e JOIN entries_view v ON v.entry_id = e.entry_id JOIN seed_search s ON s.t = e.t AND s.c = e.c`);
      // A document's terms are its text's and its tags' (a set: positions aside): per owner, those of the texts and
      // of the tag sets they used, not of every (text, tag set) pair, which is ~10 times more rows to make distinct.
      await step('search_vocabulary', `
        INSERT INTO search_vocabulary (owner_id, term)
        SELECT owner_id, term FROM (SELECT DISTINCT owner_id, t FROM seed_entries) e JOIN seed_search s ON s.t = e.t AND s.c = 0, unnest(s.terms) AS term
        UNION
        SELECT owner_id, term FROM (SELECT DISTINCT owner_id, c FROM seed_entries) e JOIN seed_search_tags s ON s.c = e.c, unnest(s.terms) AS term`);
      await step('projection_versions (search)', `INSERT INTO projection_versions (projection, aggregate_id, version) SELECT 'search', doc_id, 1 FROM search_documents`);
      await client.query('DROP TABLE seed_users, seed_entries, seed_texts, seed_tagsets, seed_search, seed_search_tags');
      const started = performance.now();
      // As an autovacuum would have after the projector's writes: statistics and the visibility map.
      await client.query('SET statement_timeout = 0');
      await client.query('VACUUM (ANALYZE)');
      log(`vacuum analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      client.release();
    }
    const counts: Record<string, number> = {};
    for (const table of ['journals_view', 'entries_view', 'tag_uses', 'tags_view', 'entry_sentiments', 'mood_days', 'tasks_view',
      'task_occurrences_view', 'calendar_events_view', 'read_stamps', 'projection_versions', 'search_documents', 'search_vocabulary']) {
      counts[table] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    }
    const heavyUserId = seededUserId(0);
    const { rows } = await pool.query<{ journal_id: string; entry_count: number; total: number }>(
      `SELECT journal_id, entry_count, sum(entry_count) OVER ()::int AS total FROM journals_view WHERE owner_id = $1 ORDER BY entry_count DESC LIMIT 1`,
      [heavyUserId]);
    const elapsedMs = performance.now() - began;
    log(`seeded ${options.entries} entries of ${options.users} users in ${(elapsedMs / 1000).toFixed(1)} s; heavy user ${heavyUserId}: ${rows[0]!.total} entries`);
    return { heavyUserId, heavyJournalId: rows[0]!.journal_id, heavyUserEntries: rows[0]!.total, heavyJournalEntries: rows[0]!.entry_count, counts, elapsedMs };
  } finally {
    await pool.end();
  }
}

async function templates(pool: Pool): Promise<void> {
  const textRows = texts();
  await pool.query(
    `CREATE UNLOGGED TABLE seed_texts AS SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[]) AS x(t, title, content, word_count)`,
    [textRows.map((r) => r.t), textRows.map((r) => r.title), textRows.map((r) => r.content), textRows.map((r) => r.wordCount)]);
  const sets = tagSets();
  await pool.query(
    `CREATE UNLOGGED TABLE seed_tagsets AS SELECT c, CASE WHEN tags = '' THEN '{}'::text[] ELSE string_to_array(tags, ',') END AS tags
       FROM unnest($1::int[], $2::text[]) AS x(c, tags)`,
    [sets.map((s) => s.c), sets.map((s) => s.tags.join(','))]);
}

/**
 * Every (text, tag set) combination written once through the search index's own code (its analysis: folded words and
 * stems, suggestion words, vocabulary terms) under a scratch owner; the seed copies those columns to each entry of the
 * same combination, then the scratch rows go.
 */
async function searchTemplates(pool: Pool, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const scratchOwner = uuidOf('mindflow-seed-scratch');
  const index = createSearchIndex({ SEARCH_INDEX_PREFIX: 'unused-' }, pool);
  const textRows = texts();
  const sets = tagSets();
  const keyOf = (t: number, c: number) => uuidOf(`mindflow-seed-template-${t}-${c}`);
  const documents = textRows.flatMap((text) => sets.map((set) => ({
    id: keyOf(text.t, set.c), kind: 'entry' as const, ownerId: scratchOwner, journalId: null, title: text.title, body: text.content,
    tags: set.tags, mood: null, day: '2020-01-01', createdAt: '2020-01-01T00:00:00.000Z', version: 1, deleted: false, completed: null,
  })));
  // The tag sets alone (no title, no body): their terms, for the vocabulary.
  const tagDocuments = sets.map((set) => ({ ...documents[0]!, id: uuidOf(`mindflow-seed-template-tags-${set.c}`), title: null, body: '', tags: set.tags }));
  const all = [...documents, ...tagDocuments];
  for (let i = 0; i < all.length; i += 256) await index.write(all.slice(i, i + 256));
  await pool.query(
    `CREATE UNLOGGED TABLE seed_search AS
     SELECT k.t, k.c, d.words, d.document, d.analysis,
            ARRAY(SELECT x.lexeme FROM unnest(tsvector_to_array(d.document)) AS x(lexeme)
                   WHERE EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.owner_id = $1 AND v.term = x.lexeme)) AS terms
       FROM unnest($2::int[], $3::int[], $4::uuid[]) AS k(t, c, doc_id) JOIN search_documents d ON d.doc_id = k.doc_id`,
    [scratchOwner, documents.map((_, i) => textRows[Math.floor(i / sets.length)]!.t), documents.map((_, i) => sets[i % sets.length]!.c), documents.map((d) => d.id)]);
  await pool.query(
    `CREATE UNLOGGED TABLE seed_search_tags AS
     SELECT k.c, ARRAY(SELECT x.lexeme FROM unnest(tsvector_to_array(d.document)) AS x(lexeme)
                        WHERE EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.owner_id = $1 AND v.term = x.lexeme)) AS terms
       FROM unnest($2::int[], $3::uuid[]) AS k(c, doc_id) JOIN search_documents d ON d.doc_id = k.doc_id`,
    [scratchOwner, sets.map((set) => set.c), tagDocuments.map((d) => d.id)]);
  await pool.query('DELETE FROM search_documents WHERE owner_id = $1', [scratchOwner]);
  await pool.query('DELETE FROM search_vocabulary WHERE owner_id = $1', [scratchOwner]);
  log(`search templates: ${documents.length} analysed by the search index in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
