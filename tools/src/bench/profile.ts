/** How big each benchmark runs. `quick` keeps them working in CI (tiny counts); `full` makes the figures. */
export interface Profile {
  readonly name: 'quick' | 'full';
  /** Closed loop per concurrency: `rounds` turns of (baseline, gRPC, gateway), each `warmupMs` + `durationMs`. */
  readonly command: { readonly concurrency: readonly number[]; readonly rounds: number; readonly warmupMs: number; readonly durationMs: number; readonly users: number };
  /** `rounds` turns of (raw producer, relay), `events` each. */
  readonly relay: { readonly rounds: number; readonly events: number; readonly batchSize: number; readonly partitions: number };
  /** `rounds` turns of (raw upserts, projector), each on fresh topics and databases with `users` journals and `entries` entries. */
  readonly projector: { readonly rounds: number; readonly users: number; readonly entries: number; readonly chunkSize: number; readonly parallelism: number };
  /** `rounds` turns of (search projector, raw bulk), each on fresh topics and indices with `events` entry/thought/task events of `users` owners; the raw bulk in requests of `chunkSize` documents, `parallelism` in flight. */
  readonly searchProjector: { readonly rounds: number; readonly users: number; readonly events: number; readonly chunkSize: number; readonly parallelism: number };
  /** Open loop at each rate in turn (the last is the target); the Kafka-hop baseline at the highest. */
  readonly freshness: { readonly perSecond: readonly number[]; readonly durationMs: number; readonly users: number; readonly baselineDurationMs: number; readonly drainMs: number; readonly settleMs: number };
  readonly gateway: { readonly concurrency: readonly number[]; readonly rounds: number; readonly warmupMs: number; readonly durationMs: number; readonly entries: number };
  /** `sockets` graphql-ws sockets on one gateway, `connectConcurrency` handshakes at a time; `fanOut` of them one user's, told `rounds` notifications one after another once the sockets were idle `idleMs`. */
  readonly subscriptionScale: { readonly sockets: number; readonly fanOut: number; readonly rounds: number; readonly connectConcurrency: number; readonly connectTimeoutMs: number; readonly idleMs: number };
  /** Per size (entries; users = entries ÷ `entriesPerUser`) a seeded read DB; the heavy user's four reads take `rounds` turns, each `warmupMs` + `durationMs`. */
  readonly seededReads: { readonly sizes: readonly number[]; readonly entriesPerUser: number; readonly rounds: number; readonly warmupMs: number; readonly durationMs: number; readonly timeoutMs: number };
}

export const profiles: Record<Profile['name'], Profile> = {
  full: {
    name: 'full',
    command: { concurrency: [1, 8, 64], rounds: 5, warmupMs: 200, durationMs: 1_000, users: 16 },
    // RELAY_BATCH_SIZE's default and the partitions the relay creates topics with.
    relay: { rounds: 3, events: 10_000, batchSize: 500, partitions: 3 },
    // The projector runtime's chunk (events per read-DB transaction: PROJECTOR_CHUNK_SIZE's default) and its partitions consumed concurrently.
    projector: { rounds: 3, users: 50, entries: 6_000, chunkSize: 500, parallelism: 4 },
    // The search projector's chunk (one bulk write each) and the partitions of its topics it consumes at once.
    searchProjector: { rounds: 3, users: 50, events: 3_000, chunkSize: 500, parallelism: 3 },
    freshness: { perSecond: [50, 100, 200], durationMs: 15_000, users: 50, baselineDurationMs: 10_000, drainMs: 60_000, settleMs: 120_000 },
    gateway: { concurrency: [1, 8], rounds: 4, warmupMs: 200, durationMs: 1_000, entries: 20 },
    subscriptionScale: { sockets: 10_000, fanOut: 1_000, rounds: 20, connectConcurrency: 100, connectTimeoutMs: 120_000, idleMs: 10_000 },
    // Seeding 1 M entries takes minutes: this benchmark's own bound.
    seededReads: { sizes: [10_000, 100_000, 1_000_000], entriesPerUser: 100, rounds: 3, warmupMs: 500, durationMs: 3_000, timeoutMs: 1_800_000 },
  },
  quick: {
    name: 'quick',
    // Windows longer than the slowest answer on a loaded 2-core runner: with 600 ms, 64 gRPC clients at load 10 had
    // none of their answers inside the window (0 req/s, the CI rehearsal of 2026-12-07).
    command: { concurrency: [1, 8, 64], rounds: 1, warmupMs: 1_000, durationMs: 2_000, users: 4 },
    relay: { rounds: 1, events: 1_000, batchSize: 500, partitions: 3 },
    projector: { rounds: 1, users: 5, entries: 1_000, chunkSize: 100, parallelism: 4 },
    searchProjector: { rounds: 1, users: 5, events: 300, chunkSize: 100, parallelism: 3 },
    // Settle and drain as long as a loaded runner needs: the CI tier runs the drills beside it, and a projector still
    // working through the command benchmark's events once left 9 of 60 writes unseen after 15 s (2026-12-07).
    freshness: { perSecond: [40], durationMs: 1_500, users: 4, baselineDurationMs: 1_000, drainMs: 45_000, settleMs: 60_000 },
    gateway: { concurrency: [1, 8], rounds: 1, warmupMs: 300, durationMs: 1_000, entries: 5 },
    subscriptionScale: { sockets: 300, fanOut: 100, rounds: 3, connectConcurrency: 50, connectTimeoutMs: 20_000, idleMs: 500 },
    seededReads: { sizes: [1_000, 10_000], entriesPerUser: 100, rounds: 1, warmupMs: 100, durationMs: 300, timeoutMs: 60_000 },
  },
};
