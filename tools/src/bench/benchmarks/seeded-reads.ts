// Reads at scale (issue 11, "Scale with data, not only with rate"): for each dataset size of the profile, a fresh
// read DB seeded by seed/seed.ts (users = entries ÷ 100, so the heaviest user grows with the data: ≈ entries/√users
// entries), the query and search subgraphs started on it (their own processes, as in production), and the heavy
// user's four hot reads timed one at a time: journal(id) { entries }, dashboard, calendar (a month), search.
// Each size's figures are compared with the smallest size's: the goal is p99 at 1 M within ×1.5 of 10 k.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { callerHeader, signCaller } from '@mindflow/auth';
import { createPool } from '@mindflow/db';
import { freePort, repoRoot, ServiceProcess } from '../../system/index.js';
import type { BenchContext } from '../context.js';
import { Histogram } from '../histogram.js';
import { JsonClient, type GraphQLBody } from '../http-client.js';
import { describe } from '../load.js';
import type { Profile } from '../profile.js';
import { measurement, ratio, type BenchmarkOutcome, type Measurement, type Ratio } from '../result.js';
import { seedReadModel, type SeedResult } from '../seed/seed.js';

export const name = 'seeded-reads';
export const title = 'reads at scale: the heavy user\'s journal, dashboard, calendar month and search on seeded read DBs of growing size';
export const needsSystem = false;
/** Seeding the biggest size takes minutes: the profile's bound, not the run's per-benchmark one. */
export const timeoutMs = (profile: Profile) => profile.seededReads.timeoutMs;

const journalQuery = /* GraphQL */ `
  query Journal($id: ID!) {
    journal(id: $id) {
      id name entryCount
      entries(first: 20) { totalCount edges { node { id title content mood tags wordCount version createdAt } } }
    }
  }`;

const dashboardQuery = /* GraphQL */ `
  query Dashboard($from: Date, $to: Date) {
    dashboard {
      recentEntries { id title mood createdAt }
      moodTrend { date mood averageSentiment entryCount wordCount }
      streak
      taskStats(from: $from, to: $to) { total completed completionRate }
      latestInsights { entryId }
    }
  }`;

const calendarQuery = /* GraphQL */ `
  query Calendar($start: Date!, $end: Date!) {
    calendar(start: $start, end: $end) { date tasks { id title } events { id title } }
  }`;

const searchQuery = /* GraphQL */ `
  query Search($q: String!) {
    search(query: $q, first: 20) { totalCount edges { node { score highlights hit { ... on Entry { id } } } } }
  }`;

interface Read {
  readonly label: string;
  readonly client: 'query' | 'search';
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Throws unless the answer is what the seed holds. */
  readonly check: (data: Record<string, unknown>) => void;
  /** Before each request, untimed (the dashboard's: a new read stamp, so its cache misses). */
  readonly before?: () => Promise<unknown>;
}

export async function run(context: BenchContext): Promise<BenchmarkOutcome> {
  const settings = context.profile.seededReads;
  const measurements: Measurement[] = [];
  const ratios: Ratio[] = [];
  const notes: string[] = [];
  const smallest = new Map<string, Measurement>();
  for (const entries of settings.sizes) {
    const users = Math.max(1, Math.round(entries / settings.entriesPerUser));
    const db = await context.database(`seeded-${entries}`);
    const seeded = await seedReadModel({ readDatabaseUrl: db.url, entries, users, log: (line) => context.log(`seeded-reads ${entries}: ${line}`) });
    notes.push(`${entries} entries, ${users} users: seeded in ${(seeded.elapsedMs / 1000).toFixed(1)} s; heavy user ${seeded.heavyUserEntries} entries (journal read: ${seeded.heavyJournalEntries}), ${seeded.counts['tasks_view']} tasks, ${seeded.counts['calendar_events_view']} events, ${seeded.counts['search_documents']} search documents in all`);
    const results = await measureSize(context, db.url, seeded);
    await db.drop().catch((error: unknown) => context.log(`seeded-reads: dropping ${db.url} failed: ${describe(error)}`));
    for (const [label, result] of results) {
      const base = smallest.get(label);
      const m = measurement(`${label} @${entries}`, base ? 'subject' : 'baseline', 'req/s', result, {
        concurrency: 1, extra: { entries, heavyUserEntries: seeded.heavyUserEntries },
      });
      measurements.push(m);
      if (base) ratios.push(ratio(m, base, { latency: true }));
      else smallest.set(label, m);
      context.log(`seeded-reads ${entries}: ${label} p50 ${m.latency?.p50Ms} ms p99 ${m.latency?.p99Ms} ms (${m.operations} requests)`);
    }
  }
  return {
    measurements,
    ratios,
    notes: [
      `per size: a fresh read DB seeded by tools/src/bench/seed (set-based SQL; users = entries ÷ ${settings.entriesPerUser}, user n's share ∝ skewed r², moods and tags from small vocabularies, dates over two years, tasks and events per user, insights for 80 % of entries, the Postgres search index), VACUUM ANALYZE, then the query and search subgraphs (their own processes) on it`,
      `the heavy user (user 0) reads one request at a time, ${settings.rounds} rounds of the four reads taking turns, each ${settings.warmupMs} ms warm-up + ${settings.durationMs} ms measured; every answer checked against the seed`,
      'journal: journal(id) { entryCount entries(first: 20) { totalCount, 8 fields } } on their biggest journal; dashboard: every field (taskStats of the last 30 days, as the web client asks), its read cache missed on purpose (the user\'s read stamp bumped before each request, untimed), as after any write of theirs; calendar: the current UTC month; search: "walk" (a word of a quarter of the texts), 20 hits with highlights (Postgres search index)',
      'ratios: each size against the smallest, latency only (goal: p99 at 1 M ≤ ×1.5 of 10 k)',
      ...notes,
    ],
  };
}

/** The four reads of `seeded.heavyUserId` on a seeded read DB, through query and search subgraphs started on it (also: a control user of the same size on a bigger DB). */
export async function measureSize(context: BenchContext, readDatabaseUrl: string, seeded: SeedResult): Promise<Map<string, { operations: number; errors: number; firstError?: string; seconds: number; perSecond: number; latency: ReturnType<Histogram['summary']> }>> {
  const settings = context.profile.seededReads;
  const secret = randomUUID();
  const nowhere = await freePort();
  const [queryPort, searchPort] = [await freePort(), await freePort()];
  const common = { LOG_LEVEL: 'warn', INTERNAL_CALLER_SECRET: secret, READ_DATABASE_URL: readDatabaseUrl };
  const querySubgraph = new ServiceProcess({
    name: 'query-subgraph', entry: join(repoRoot, 'services/query/src/subgraph-main.ts'), opsPort: await freePort(),
    env: { ...common, QUERY_SUBGRAPH_PORT: String(queryPort), COMMAND_GRPC_ADDRESS: `127.0.0.1:${nowhere}` },
  }, null);
  const searchSubgraph = new ServiceProcess({
    name: 'search-subgraph', entry: join(repoRoot, 'services/search/src/subgraph-main.ts'), opsPort: await freePort(),
    env: { ...common, SEARCH_SUBGRAPH_PORT: String(searchPort) },
  }, null);
  const pool = createPool(readDatabaseUrl, { applicationName: 'bench', max: 1 });
  const header = { [callerHeader]: signCaller({ userId: seeded.heavyUserId, roles: ['user'] }, secret, 3_600) };
  const clients = {
    query: new JsonClient(`http://127.0.0.1:${queryPort}/graphql`, header),
    search: new JsonClient(`http://127.0.0.1:${searchPort}/graphql`, header),
  };
  try {
    await Promise.all([querySubgraph.start(), searchSubgraph.start()]);
    const today = new Date();
    const month = (d: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + d, 1));
    const day = (d: number) => new Date(today.getTime() + d * 86_400_000).toISOString().slice(0, 10);
    const start = month(0).toISOString().slice(0, 10);
    const end = new Date(month(1).getTime() - 86_400_000).toISOString().slice(0, 10);
    const reads: Read[] = [
      {
        label: 'journal(id) { entries }', client: 'query', query: journalQuery, variables: { id: seeded.heavyJournalId },
        check: (data) => {
          const journal = data['journal'] as { entryCount: number; entries: { totalCount: number; edges: unknown[] } } | null;
          const want = Math.min(20, seeded.heavyJournalEntries);
          if (journal?.entries.totalCount !== seeded.heavyJournalEntries || journal.entries.edges.length !== want) throw new Error(`journal: ${JSON.stringify(journal).slice(0, 200)}`);
        },
      },
      {
        label: 'dashboard', client: 'query', query: dashboardQuery, variables: { from: day(-29), to: day(0) },
        before: () => pool.query('UPDATE read_stamps SET stamp = stamp + 1 WHERE owner_id = $1', [seeded.heavyUserId]),
        check: (data) => {
          const dashboard = data['dashboard'] as { recentEntries: unknown[]; moodTrend: unknown[]; latestInsights: unknown[] };
          if (dashboard.recentEntries.length !== 5 || dashboard.moodTrend.length !== 30 || dashboard.latestInsights.length !== 5) throw new Error(`dashboard: ${JSON.stringify(dashboard).slice(0, 200)}`);
        },
      },
      {
        label: 'calendar (a month)', client: 'query', query: calendarQuery, variables: { start, end },
        check: (data) => {
          const days = data['calendar'] as unknown[];
          if (!Array.isArray(days)) throw new Error(`calendar: ${JSON.stringify(days).slice(0, 200)}`);
        },
      },
      {
        label: 'search', client: 'search', query: searchQuery, variables: { q: 'walk' },
        check: (data) => {
          const found = data['search'] as { totalCount: number; edges: unknown[] };
          if (!(found.totalCount > 0) || found.edges.length !== Math.min(20, found.totalCount)) throw new Error(`search: ${JSON.stringify(found).slice(0, 200)}`);
        },
      },
    ];
    const ask = async (read: Read) => {
      const { status, body } = await clients[read.client].post<GraphQLBody<Record<string, unknown>>>({ query: read.query, variables: read.variables });
      if (status !== 200 || body.errors?.length || !body.data) throw new Error(`${read.label}: status ${status}, errors ${JSON.stringify(body.errors ?? null).slice(0, 300)}`);
      read.check(body.data);
    };
    const spent = new Map(reads.map((read) => [read.label, { histogram: new Histogram(), operations: 0, errors: 0, firstError: undefined as string | undefined, ms: 0 }]));
    for (let round = 0; round < settings.rounds; round++) {
      for (const read of reads) {
        const into = spent.get(read.label)!;
        const warmUntil = performance.now() + settings.warmupMs;
        while (performance.now() < warmUntil) {
          await read.before?.();
          await ask(read);
        }
        const until = performance.now() + settings.durationMs;
        while (performance.now() < until) {
          await read.before?.();
          const began = performance.now();
          try {
            await ask(read);
            const ms = performance.now() - began;
            into.histogram.recordMs(ms);
            into.operations++;
            into.ms += ms;
          } catch (error) {
            into.errors++;
            into.firstError ??= describe(error);
          }
        }
      }
    }
    return new Map([...spent].map(([label, s]) => [label, {
      operations: s.operations, errors: s.errors, ...(s.firstError ? { firstError: s.firstError } : {}),
      seconds: s.ms / 1000, perSecond: s.ms > 0 ? s.operations / (s.ms / 1000) : 0, latency: s.histogram.summary(),
    }]));
  } finally {
    clients.query.close();
    clients.search.close();
    await Promise.all([querySubgraph.stop(), searchSubgraph.stop(), pool.end()]);
  }
}
