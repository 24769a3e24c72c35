// 3. The query projector's events/s (events already in Kafka, the projector consuming from the beginning
// until it applied them all and its lag is 0) against raw batched upserts of the same rows into the same
// tables (journals_view, entries_view, projection_versions), written straight from memory.
import { createHash } from 'node:crypto';
import { createPool, migrate, migrationsFromDir, withTransaction, type Pool } from '@mindflow/db';
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
  ];
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
    await rawPool.end();

    // The projector, set-based (the default) and one event at a time (the reference path): each a fresh
    // group on a fresh read DB, from the beginning of the log.
    for (const subject of subjects) await runProjector(context, subject, events, prefix, expected, settings.chunkSize);
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
      `baseline: per ${settings.chunkSize}-event chunk one transaction of set-based upserts (jsonb_to_recordset) into journals_view, entries_view (+ entry_count) and projection_versions, ${settings.parallelism} connections, rows from memory (no Kafka)`,
      'both end with the same read model (row counts and entry counts checked every round)',
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
async function runProjector(context: BenchContext, projected: ProjectorSubject, events: readonly AnyEvent[], prefix: string, expected: string, chunkSize: number) {
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
    await tx.query(
      `INSERT INTO projection_versions (projection, aggregate_id, version)
       SELECT 'query', id, version FROM unnest($1::uuid[], $2::int[]) AS v(id, version)
       ON CONFLICT (projection, aggregate_id) DO UPDATE SET version = EXCLUDED.version`,
      [chunk.map((e) => e.aggregateId), chunk.map((e) => e.aggregateVersion)],
    );
  });
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
