// 6. The search projector's events/s (entry, thought and task events already in Kafka, the projector consuming
// from the beginning until it applied them all and its lag is 0) into Elasticsearch, against raw `bulk` writes
// of the same documents into a fresh index of the same shape (made by the search service's own index code).
import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { createPool, type Pool } from '@mindflow/db';
import { countWords, newEvent, type AnyEvent } from '@mindflow/events';
import { createLogger } from '@mindflow/platform';
import { createSearchIndex, searchAlias, startSearchProjector } from '@mindflow/search';
import { Registry } from 'prom-client';
import { waitUntil } from '../../system/index.js';
import type { BenchContext } from '../context.js';
import { publishToFreshTopics } from '../events.js';
import { measurement, ratio, type BenchmarkOutcome } from '../result.js';
import { testServers, uniqueIndexPrefix } from '../servers.js';

export const name = 'search-projector';
export const title = 'search projector events/s (from Kafka into Elasticsearch) vs raw Elasticsearch bulk';
export const needsSystem = false;

/** A stored document as the bench handles it: whatever the projector wrote, with its id and version. */
type StoredDocument = Record<string, unknown> & { readonly id: string; readonly version: number };

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.searchProjector;
  const elasticsearchUrl = await (await testServers()).elasticsearchUrl();
  const client = new Client({ node: elasticsearchUrl, requestTimeout: 60_000 });
  context.defer(() => client.close());
  const raw = { events: 0, seconds: 0, wrong: [] as string[] };
  const projected = { events: 0, seconds: 0, startupMs: 0, wrong: [] as string[], lag: 0 };
  let perRound = 0;
  for (let round = 0; round < settings.rounds; round++) {
    const events = entriesThoughtsAndTasks(settings.users, settings.events);
    perRound = events.length;
    const topicPrefix = await publishToFreshTopics(context, events, 'search');

    // The projector: a fresh group, read DB and index, from the beginning of the log.
    const indexPrefix = uniqueIndexPrefix('bench-search');
    context.defer(() => client.indices.delete({ index: `${indexPrefix}*` }, { ignore: [404] }));
    const db = await context.database('search-projector');
    const pool = createPool(db.url, { applicationName: 'bench-search-probe', max: 1 });
    const starting = performance.now();
    const projector = await startSearchProjector(
      { MINDFLOW_MODE: 'distributed', READ_DATABASE_URL: db.url, KAFKA_BROKERS: (await context.kafkaBrokers()).join(','), KAFKA_TOPIC_PREFIX: topicPrefix,
        ELASTICSEARCH_URL: elasticsearchUrl, SEARCH_INDEX_PREFIX: indexPrefix },
      { log: createLogger('bench-search-projector', 'warn'), metrics: new Registry() },
    );
    let documents: StoredDocument[];
    try {
      await projector.ready();
      const consuming = performance.now();
      await waitUntil(`the search projector to apply ${events.length} events`, async () => (await appliedCount(pool)) >= events.length, 300_000, 10);
      projected.seconds += (performance.now() - consuming) / 1000;
      projected.startupMs += consuming - starting;
      projected.events += events.length;
      projected.lag += await projector.lag();
      documents = await storedDocuments(client, searchAlias(indexPrefix), events.length);
      if (documents.length !== events.length) projected.wrong.push(`${documents.length} of ${events.length} documents in the index`);
    } finally {
      await projector.close();
      await pool.end();
    }

    // Baseline: the documents the projector stored, from memory, into a fresh index the search service's
    // own index code creates (same settings, mappings and alias), written the way it writes them.
    const rawPrefix = uniqueIndexPrefix('bench-search-raw');
    context.defer(() => client.indices.delete({ index: `${rawPrefix}*` }, { ignore: [404] }));
    const unusedPool: Pool = createPool(db.url, { applicationName: 'bench-search-raw', max: 1 });
    const rawIndex = createSearchIndex({ ELASTICSEARCH_URL: elasticsearchUrl, SEARCH_INDEX_PREFIX: rawPrefix }, unusedPool);
    await rawIndex.prepare();
    const rawAlias = searchAlias(rawPrefix);
    const rawStarted = performance.now();
    await Promise.all(shares(documents, settings.parallelism).map(async (share) => {
      for (let i = 0; i < share.length; i += settings.chunkSize) raw.wrong.push(...(await bulkIndex(client, rawAlias, share.slice(i, i + settings.chunkSize))));
    }));
    raw.seconds += (performance.now() - rawStarted) / 1000;
    raw.events += documents.length;
    await rawIndex.close();
    await unusedPool.end();
    const rawCount = (await storedDocuments(client, rawAlias, events.length)).length;
    if (rawCount !== events.length) raw.wrong.push(`${rawCount} of ${events.length} documents in the index`);
    await client.indices.delete({ index: `${indexPrefix}*,${rawPrefix}*` }, { ignore: [404] });
  }

  const baseline = measurement('raw Elasticsearch bulk', 'baseline', 'events/s', {
    operations: raw.events, errors: raw.wrong.length, ...(raw.wrong.length ? { firstError: raw.wrong[0]! } : {}),
    seconds: raw.seconds, perSecond: raw.events / raw.seconds,
  });
  const subject = measurement('search projector', 'subject', 'events/s', {
    operations: projected.events, errors: projected.wrong.length + (projected.lag ? 1 : 0),
    ...(projected.wrong.length || projected.lag ? { firstError: `${projected.wrong[0] ?? 'index ok'}, lag at the end ${projected.lag}` } : {}),
    seconds: projected.seconds, perSecond: projected.events / projected.seconds,
  }, { extra: { lagAtEnd: projected.lag, meanStartupMs: Math.round(projected.startupMs / settings.rounds) } });
  context.log(`search projector: ${subject.perSecond} events/s; raw bulk ${baseline.perSecond} events/s`);
  return {
    measurements: [baseline, subject],
    ratios: [ratio(subject, baseline, { throughput: true })],
    notes: [
      `${settings.rounds} rounds taking turns (search projector, raw bulk), each on fresh topics, read DB and indices: ${perRound} events = a third each JournalEntryCreated, ThoughtCaptured and TaskCreated of ${settings.users} users, on 3-partition topics; one document per event`,
      `projector clock: from joining its consumer group (ready) until projection_versions holds every event (polled every 10 ms); start-up, migrations and index creation excluded (mean ${Math.round(projected.startupMs / settings.rounds)} ms)`,
      'projector: chunks of ≤ 100 events per read-DB transaction; no read per event: events staged, then per chunk one multi-get only for aggregates whose first event needs the stored document (none here: creations), one deleted-journals query, one bulk write (external versions) before the checkpoint commits; 4 partitions consumed concurrently',
      `baseline: the very documents the projector stored (read back from its index: its analysis included — allWords, allStems, words — so the service's text analysis counts on the subject's side only), from memory, \`bulk\` index operations with the same external versions, ${settings.chunkSize} per request, ${settings.parallelism} requests in flight, into a fresh index created by the search service's createSearchIndex (same settings and mappings)`,
      'both indices checked to hold one document per event every round; indices deleted after each round',
    ],
  };
}

/** `events` creation events (entries, thoughts, tasks in turn) of `users` owners, each entry in its owner's journal. */
function entriesThoughtsAndTasks(users: number, events: number): AnyEvent[] {
  const start = Date.now() - 60_000;
  const owners = Array.from({ length: users }, () => ({ userId: randomUUID(), journalId: randomUUID() }));
  const out: AnyEvent[] = [];
  for (let n = 0; n < events; n++) {
    const { userId, journalId } = owners[n % owners.length]!;
    const at = new Date(start + n).toISOString();
    const aggregateId = randomUUID();
    const common = { eventId: randomUUID(), occurredAt: at, source: 'command', correlationId: randomUUID(), causationId: null, userId, aggregateId, aggregateVersion: 1 };
    const words = `number ${n}: slept well, then wrote three pages about the week ahead and the lighthouse`;
    if (n % 3 === 0) {
      out.push(newEvent('JournalEntryCreated', { ...common, payload: {
        entryId: aggregateId, journalId, title: `Entry ${n}`, content: `Entry ${words}`, mood: 'GOOD', tags: ['bench', `t${n % 7}`],
        wordCount: countWords(`Entry ${words}`), weather: null, location: null, createdAt: at } }));
    } else if (n % 3 === 1) {
      out.push(newEvent('ThoughtCaptured', { ...common, payload: { thoughtId: aggregateId, text: `Thought ${words}`, tags: ['bench'], capturedAt: at } }));
    } else {
      out.push(newEvent('TaskCreated', { ...common, payload: {
        taskId: aggregateId, title: `Task ${n}: ${words}`, description: null, date: at.slice(0, 10), dueTime: null, priority: 'MEDIUM',
        category: 'bench', recurrence: null, remindAt: null, reminderMinutesBefore: null, createdAt: at } }));
    }
  }
  return out;
}

function shares<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((item, i) => out[Math.floor(i / Math.ceil(items.length / parts))]!.push(item));
  return out.filter((share) => share.length > 0);
}

/** One bulk request of `index` operations with external versions; returns the failed items' reasons. */
async function bulkIndex(client: Client, index: string, documents: readonly StoredDocument[]): Promise<string[]> {
  const response = await client.bulk({
    operations: documents.flatMap((document) => [{ index: { _index: index, _id: document.id, version: document.version, version_type: 'external' as const } }, document]),
  });
  if (!response.errors) return [];
  return response.items.flatMap((item) => (item.index?.error ? [`${item.index.error.type}: ${item.index.error.reason ?? ''}`] : []));
}

/** Every document of the index (after a refresh), up to `max`. */
async function storedDocuments(client: Client, index: string, max: number): Promise<StoredDocument[]> {
  await client.indices.refresh({ index });
  const response = await client.search<StoredDocument>({ index, size: Math.min(max + 1, 10_000), query: { match_all: {} } });
  return response.hits.hits.map((hit) => hit._source!);
}

async function appliedCount(pool: Pool): Promise<number> {
  // The table appears with the projector's first chunk.
  const result = await pool.query<{ n: string | null }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'search'`).catch(() => ({ rows: [] }));
  return Number(result.rows[0]?.n ?? 0);
}
