// 3. The query projector's events/s (events already in Kafka, the projector consuming from the beginning
// until it applied them all and its lag is 0) against raw batched upserts of the same rows into the same
// tables (journals_view, entries_view, projection_versions), written straight from memory.
import { createHash } from 'node:crypto';
import { createPool, migrate, migrationsFromDir, withTransaction, type Pool, type PoolClient } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { queryMigrationsDir, startQueryProjector } from '@mindflow/query';
import { Registry } from 'prom-client';
import { waitUntil } from '../../system/index.js';
import type { BenchContext } from '../context.js';
import { journalsAndEntries, publishToFreshTopics } from '../events.js';
import { measurement, ratio, type BenchmarkOutcome } from '../result.js';

export const name = 'projector';
export const title = 'query projector events/s (from Kafka) vs raw batched upserts';
export const needsSystem = false;

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.projector;
  const raw = { events: 0, seconds: 0, wrong: [] as string[] };
  const subjects: ProjectorSubject[] = [
    { label: 'query projector', setBased: true, events: 0, seconds: 0, startupMs: 0, wrong: [], lag: 0 },
    { label: 'query projector, one event at a time', setBased: false, events: 0, seconds: 0, startupMs: 0, wrong: [], lag: 0 },
  // BENCH_PROJECTOR_ONE_BY_ONE=false leaves out the reference path (minutes on a loaded machine) for A/B runs of the set-based one.
  ].filter((subject) => subject.setBased || process.env['BENCH_PROJECTOR_ONE_BY_ONE'] !== 'false');
  let perRound = 0;
  for (let round = 0; round < settings.rounds; round++) {
    const workload = journalsAndEntries(settings.users, settings.entries);
    const { events } = workload;
    perRound = events.length;
    const expected = JSON.stringify({ journals: workload.journals, entries: workload.entries, counted: workload.entries });
    const prefix = await publishToFreshTopics(context, events, 'projector');

    // Baseline: the same rows, upserted in batches of the projector's chunk size by as many connections as it
    // consumes partitions concurrently (each owner's events on one connection, in log order).
    const rawDb = await context.database('projector-raw');
    const rawPool = createPool(rawDb.url, { applicationName: 'bench-raw-upserts', max: settings.parallelism });
    await migrate(rawPool, 'query', await migrationsFromDir(queryMigrationsDir));
    const rawStarted = performance.now();
    await Promise.all(partitionByOwner(events, settings.parallelism).map(async (share) => {
      for (let i = 0; i < share.length; i += settings.chunkSize) await upsertChunk(rawPool, share.slice(i, i + settings.chunkSize));
    }));
    raw.seconds += (performance.now() - rawStarted) / 1000;
    raw.events += events.length;
    const rawCounts = JSON.stringify(await readModelCounts(rawPool));
    if (rawCounts !== expected) raw.wrong.push(rawCounts);
    const derived = await derivedDigest(rawPool);
    await rawPool.end();

    // The projector, set-based (the default) and one event at a time (the reference path): each a fresh
    // group on a fresh read DB, from the beginning of the log.
    for (const subject of subjects) await runProjector(context, subject, events, prefix, expected, derived, settings.chunkSize);
  }

  const baseline = measurement('raw batched upserts', 'baseline', 'events/s', {
    operations: raw.events, errors: raw.wrong.length, ...(raw.wrong.length ? { firstError: `read model ${raw.wrong[0]}` } : {}),
    seconds: raw.seconds, perSecond: raw.events / raw.seconds,
  });
  const measured = subjects.map((projected) => measurement(projected.label, 'subject', 'events/s', {
    operations: projected.events, errors: projected.wrong.length + (projected.lag ? 1 : 0),
    ...(projected.wrong.length || projected.lag ? { firstError: `read model ${projected.wrong[0] ?? 'ok'}, lag at the end ${projected.lag}` } : {}),
    seconds: projected.seconds, perSecond: projected.events / projected.seconds,
  }, { extra: { lagAtEnd: projected.lag, meanStartupMs: Math.round(projected.startupMs / settings.rounds) } }));
  const startupMs = Math.round(subjects[0]!.startupMs / settings.rounds);
  context.log(`projector: ${measured.map((m) => `${m.label} ${Math.round(m.perSecond)} events/s`).join('; ')}; raw upserts ${baseline.perSecond} events/s`);
  return {
    measurements: [baseline, ...measured],
    ratios: measured.map((m) => ratio(m, baseline, { throughput: true })),
    notes: [
      `${settings.rounds} rounds taking turns (raw upserts, projector set-based, projector one event at a time), each on fresh topics and databases: ${perRound} events = ${settings.users} JournalCreated, then ${settings.entries} JournalEntryCreated spread over those journals, on 3-partition topics`,
      `projector clock: from joining its consumer group (ready) until projection_versions holds every event (polled every 10 ms); start-up and migrations excluded (mean ${startupMs} ms)`,
      `projector: chunks of ≤ ${settings.chunkSize} events per read-DB transaction (PROJECTOR_CHUNK_SIZE), set-based: each read model writes a chunk's events of a type in one statement; one at a time (PROJECTOR_SET_BASED=false): a statement or more per event and read model; ${settings.parallelism} partitions consumed concurrently, owner locks, version checks, Kafka offsets committed after each transaction`,
      `baseline: per ${settings.chunkSize}-event chunk one transaction of set-based upserts (jsonb_to_recordset) into journals_view, entries_view (+ entry_count), tag_uses + tags_view, read_stamps, mood_day_moods + mood_days (each owner's touched days moved by increments computed in memory) and projection_versions — every row the projection writes for these events — ${settings.parallelism} connections, one per share of the owners, rows from memory (no Kafka)`,
      'both end with the same read model (row counts, entry counts and a digest of the derived tables checked every round)',
    ],
  };
}

interface ProjectorSubject {
  readonly label: string;
  readonly setBased: boolean;
  events: number;
  seconds: number;
  startupMs: number;
  wrong: string[];
  lag: number;
}

/** One projector run over the round's topics, into a fresh read DB, timed from joining its group until every event is applied. */
async function runProjector(context: BenchContext, projected: ProjectorSubject, events: readonly AnyEvent[], prefix: string, expected: string, derived: string, chunkSize: number) {
  const db = await context.database('projector');
  const pool = createPool(db.url, { applicationName: 'bench-projector-probe', max: 1 });
  const starting = performance.now();
  const projector = await startQueryProjector(
    {
      MINDFLOW_MODE: 'distributed', READ_DATABASE_URL: db.url, KAFKA_BROKERS: (await context.kafkaBrokers()).join(','), KAFKA_TOPIC_PREFIX: prefix,
      QUERY_PROJECTOR_GROUP: `${prefix}.query-projector${projected.setBased ? '' : '.one-by-one'}`,
      PROJECTOR_CHUNK_SIZE: chunkSize, PROJECTOR_SET_BASED: projected.setBased,
    },
    { log: createLogger('bench-projector', 'warn'), metrics: new Registry() },
  );
  try {
    await projector.ready();
    const consuming = performance.now();
    await waitUntil(`the projector to apply ${events.length} events`, async () => (await appliedCount(pool)) >= events.length, 300_000, 10);
    projected.seconds += (performance.now() - consuming) / 1000;
    projected.startupMs += consuming - starting;
    projected.events += events.length;
    projected.lag += await projector.lag();
    const counts = JSON.stringify(await readModelCounts(pool));
    if (counts !== expected) projected.wrong.push(counts);
    const digest = await derivedDigest(pool);
    if (digest !== derived) projected.wrong.push(`derived tables ${digest}, raw upserts made ${derived}`);
  } finally {
    await projector.close();
    await pool.end();
  }
}

function partitionByOwner(events: readonly AnyEvent[], parts: number): AnyEvent[][] {
  const shares: AnyEvent[][] = Array.from({ length: parts }, () => []);
  for (const event of events) shares[createHash('sha1').update(event.userId).digest().readUInt32BE(0) % parts]!.push(event);
  return shares.filter((share) => share.length > 0);
}

async function upsertChunk(pool: Pool, chunk: readonly AnyEvent[]): Promise<void> {
  const journals: unknown[] = [];
  const entries: unknown[] = [];
  for (const event of chunk) {
    if (event.eventType === 'JournalCreated') {
      const p = event.payload;
      journals.push({ journal_id: p.journalId, owner_id: event.userId, name: p.name, description: p.description, color: p.color, icon: p.icon,
        is_private: p.isPrivate, version: event.aggregateVersion, created_at: p.createdAt });
    } else if (event.eventType === 'JournalEntryCreated') {
      const p = event.payload;
      entries.push({ entry_id: p.entryId, journal_id: p.journalId, owner_id: event.userId, title: p.title, content: p.content, mood: p.mood,
        tags: p.tags, word_count: p.wordCount, version: event.aggregateVersion, created_at: p.createdAt });
    }
  }
  await withTransaction(pool, async (tx) => {
    if (journals.length > 0) {
      await tx.query(
        `INSERT INTO journals_view (journal_id, owner_id, name, description, color, icon, is_private, version, entry_count, created_at, updated_at)
         SELECT j.journal_id, j.owner_id, j.name, j.description, j.color, j.icon, j.is_private, j.version,
                (SELECT count(*) FROM entries_view e WHERE e.journal_id = j.journal_id AND e.deleted_at IS NULL), j.created_at, j.created_at
         FROM jsonb_to_recordset($1::jsonb) AS j(journal_id uuid, owner_id uuid, name text, description text, color text, icon text,
                                                  is_private bool, version int, created_at timestamptz)
         ON CONFLICT (journal_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, color = EXCLUDED.color,
           icon = EXCLUDED.icon, is_private = EXCLUDED.is_private, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
        [JSON.stringify(journals)],
      );
    }
    if (entries.length > 0) {
      await tx.query(
        `WITH written AS (
           INSERT INTO entries_view (entry_id, journal_id, owner_id, journal_name, title, content, mood, tags, word_count, version,
                                     created_at, updated_at, deleted_at)
           SELECT e.entry_id, e.journal_id, e.owner_id, j.name, e.title, e.content, e.mood, e.tags, e.word_count, e.version,
                  e.created_at, e.created_at, j.deleted_at
           FROM jsonb_to_recordset($1::jsonb) AS e(entry_id uuid, journal_id uuid, owner_id uuid, title text, content text, mood text,
                                                   tags text[], word_count int, version int, created_at timestamptz)
           LEFT JOIN journals_view j ON j.journal_id = e.journal_id
           ON CONFLICT (entry_id) DO UPDATE SET title = EXCLUDED.title, content = EXCLUDED.content, mood = EXCLUDED.mood,
             tags = EXCLUDED.tags, word_count = EXCLUDED.word_count, version = EXCLUDED.version
           RETURNING journal_id, (xmax = 0) AS inserted, deleted_at)
         UPDATE journals_view v SET entry_count = v.entry_count + d.n
         FROM (SELECT journal_id, count(*)::int AS n FROM written WHERE inserted AND deleted_at IS NULL GROUP BY journal_id) d
         WHERE v.journal_id = d.journal_id AND v.deleted_at IS NULL`,
        [JSON.stringify(entries)],
      );
    }
    if (entries.length > 0) await deriveFromEntries(tx, chunk);
    await tx.query(
      `INSERT INTO projection_versions (projection, aggregate_id, version)
       SELECT 'query', id, version FROM unnest($1::uuid[], $2::int[]) AS v(id, version)
       ON CONFLICT (projection, aggregate_id) DO UPDATE SET version = EXCLUDED.version`,
      [chunk.map((e) => e.aggregateId), chunk.map((e) => e.aggregateVersion)],
    );
  });
}

/**
 * What the projection derives from new entries, hand-written from memory where memory knows it: each tag's use
 * (`tag_uses`) and the owner's tag counts (`tags_view`), the owner's cache stamp (`read_stamps`, one per event), and
 * each (owner, UTC day) touched moved by increments in `mood_day_moods` (per mood) and `mood_days` (counts, the mood read back).
 */
async function deriveFromEntries(tx: PoolClient, chunk: readonly AnyEvent[]): Promise<void> {
  const uses: { item_id: string; owner_id: string; tag: string }[] = [];
  const days = new Map<string, { owner_id: string; day: string }>();
  for (const event of chunk) {
    if (event.eventType !== 'JournalEntryCreated') continue;
    const p = event.payload;
    for (const tag of new Set(p.tags)) uses.push({ item_id: p.entryId, owner_id: event.userId, tag });
    const day = p.createdAt.slice(0, 10);
    days.set(`${event.userId}/${day}`, { owner_id: event.userId, day });
  }
  await tx.query(
    `WITH used AS (
       INSERT INTO tag_uses (item_id, owner_id, tag)
       SELECT item_id, owner_id, tag FROM jsonb_to_recordset($1::jsonb) AS u(item_id uuid, owner_id uuid, tag text)
       ON CONFLICT DO NOTHING RETURNING owner_id, tag)
     INSERT INTO tags_view AS v (owner_id, tag, count)
     SELECT owner_id, tag, count(*) FROM used GROUP BY owner_id, tag ORDER BY owner_id, tag
     ON CONFLICT (owner_id, tag) DO UPDATE SET count = v.count + EXCLUDED.count`,
    [JSON.stringify(uses)],
  );
  await tx.query(
    `INSERT INTO read_stamps (owner_id, stamp)
     SELECT owner_id, count(*) FROM unnest($1::uuid[]) AS u(owner_id) GROUP BY owner_id
     ON CONFLICT (owner_id) DO UPDATE SET stamp = read_stamps.stamp + EXCLUDED.stamp`,
    [chunk.map((event) => event.userId)],
  );
  // Per (owner, UTC day, mood) the new entries and the latest of them, added to mood_day_moods; each day's counts
  // added to mood_days, its mood read back from mood_day_moods (most entries, then the latest, then the name).
  const moods = new Map<string, { owner_id: string; day: string; mood: string; entries: number; latest_at: string }>();
  const dayCounts = new Map<string, { owner_id: string; day: string; n: number; words: number }>();
  for (const event of chunk) {
    if (event.eventType !== 'JournalEntryCreated') continue;
    const p = event.payload;
    const day = p.createdAt.slice(0, 10);
    const counts = dayCounts.get(`${event.userId}/${day}`) ?? { owner_id: event.userId, day, n: 0, words: 0 };
    counts.n += 1;
    counts.words += p.wordCount;
    dayCounts.set(`${event.userId}/${day}`, counts);
    if (p.mood === null || p.mood === undefined) continue;
    const key = `${event.userId}/${day}/${p.mood}`;
    const mood = moods.get(key) ?? { owner_id: event.userId, day, mood: p.mood, entries: 0, latest_at: p.createdAt };
    mood.entries += 1;
    if (Date.parse(p.createdAt) > Date.parse(mood.latest_at)) mood.latest_at = p.createdAt;
    moods.set(key, mood);
  }
  await tx.query(
    `INSERT INTO mood_day_moods AS m (owner_id, day, mood, entries, latest_at)
     SELECT owner_id, day, mood, entries, latest_at
       FROM jsonb_to_recordset($1::jsonb) AS r(owner_id uuid, day date, mood text, entries int, latest_at timestamptz)
     ON CONFLICT (owner_id, day, mood) DO UPDATE SET entries = m.entries + EXCLUDED.entries, latest_at = greatest(m.latest_at, EXCLUDED.latest_at)`,
    [JSON.stringify([...moods.values()])],
  );
  await tx.query(
    `INSERT INTO mood_days AS m (owner_id, day, mood, entry_count, word_count, average_sentiment)
     SELECT d.owner_id, d.day,
            (SELECT x.mood FROM mood_day_moods x WHERE x.owner_id = d.owner_id AND x.day = d.day ORDER BY x.entries DESC, x.latest_at DESC, x.mood LIMIT 1),
            d.n, d.words, NULL
       FROM jsonb_to_recordset($1::jsonb) AS d(owner_id uuid, day date, n int, words int)
     ON CONFLICT (owner_id, day) DO UPDATE SET mood = EXCLUDED.mood, entry_count = m.entry_count + EXCLUDED.entry_count,
       word_count = m.word_count + EXCLUDED.word_count`,
    [JSON.stringify([...dayCounts.values()])],
  );
}

async function appliedCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string | null }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'query'`);
  return Number(rows[0]?.n ?? 0);
}

async function readModelCounts(pool: Pool): Promise<{ journals: number; entries: number; counted: number }> {
  const { rows } = await pool.query<{ journals: number; entries: number; counted: number }>(
    `SELECT (SELECT count(*)::int FROM journals_view) AS journals, (SELECT count(*)::int FROM entries_view) AS entries,
            (SELECT coalesce(sum(entry_count), 0)::int FROM journals_view) AS counted`,
  );
  return rows[0]!;
}

/** A digest of the derived tables (day statistics, tag counts, tag uses, cache stamps): raw and projector must agree. */
async function derivedDigest(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ digest: string }>(
    `SELECT concat_ws('/',
       (SELECT md5(coalesce(string_agg(concat_ws(',', owner_id, day, mood, entry_count, word_count), ';' ORDER BY owner_id, day), '')) FROM mood_days),
       (SELECT md5(coalesce(string_agg(concat_ws(',', owner_id, day, mood, entries, latest_at), ';' ORDER BY owner_id, day, mood), '')) FROM mood_day_moods),
       (SELECT md5(coalesce(string_agg(concat_ws(',', owner_id, tag, count), ';' ORDER BY owner_id, tag), '')) FROM tags_view),
       (SELECT count(*) FROM tag_uses),
       (SELECT coalesce(sum(stamp), 0) FROM read_stamps)) AS digest`,
  );
  return rows[0]!.digest;
}
