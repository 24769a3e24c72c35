import type { PoolClient } from '@mindflow/db';
import { projectionAppliedChannel } from '../consistency/projection-notices.js';
import { decideVersion, type VersionDecision } from './version-decision.js';

/** Two members claimed a new aggregate at once (a rebalance overlap): the chunk is retried, never parked. */
export class ConcurrentProjectionError extends Error {
  constructor(projection: string) {
    super(`${projection}: another member projected some of these aggregates first; retrying`);
    this.name = 'ConcurrentProjectionError';
  }
}

/**
 * The `projection_versions` rows of one chunk of events, held for the chunk's transaction: read (and
 * locked) once up front, decided in memory event by event, written back once at the end. Two members
 * applying the same events at once (a rebalance overlap) meet on these rows: the later one waits for the
 * earlier one's commit and then sees duplicates, or fails its final write and is retried.
 * Also knows which of the chunk's aggregates are parked (have dead letters).
 */
export class ChunkVersions {
  private readonly current = new Map<string, number>();
  private readonly stored = new Set<string>();
  private readonly changed = new Set<string>();
  private readonly parked = new Set<string>();

  private constructor(private readonly projection: string) {}

  static async lock(tx: PoolClient, projection: string, aggregateIds: readonly string[]): Promise<ChunkVersions> {
    const versions = new ChunkVersions(projection);
    const ids = [...new Set(aggregateIds.map((id) => id.toLowerCase()))];
    // One round trip: the versions (locked) and which of the aggregates have dead letters (parked).
    const { rows } = await tx.query<{ aggregate_id: string; version: number | null; parked: boolean }>(
      `WITH locked AS (
         SELECT aggregate_id, version FROM projection_versions
         WHERE projection = $1 AND aggregate_id = ANY($2::uuid[]) ORDER BY aggregate_id FOR UPDATE)
       SELECT aggregate_id, version, false AS parked FROM locked
       UNION ALL
       SELECT DISTINCT aggregate_id, NULL::int, true FROM dead_letters WHERE projection = $1 AND aggregate_id = ANY($2::uuid[])`,
      [projection, ids],
    );
    for (const row of rows) {
      if (row.parked) {
        versions.parked.add(row.aggregate_id);
        continue;
      }
      versions.current.set(row.aggregate_id, row.version!);
      versions.stored.add(row.aggregate_id);
    }
    return versions;
  }

  /** The event's fate by version alone, against what this chunk has applied so far. */
  decide(aggregateId: string, version: number): VersionDecision {
    return decideVersion(this.current.get(aggregateId.toLowerCase()), version);
  }

  /** Records `version` as applied (after `decide` said `apply`). */
  advance(aggregateId: string, version: number): void {
    const id = aggregateId.toLowerCase();
    this.current.set(id, version);
    this.changed.add(id);
  }

  isParked(aggregateId: string): boolean {
    return this.parked.has(aggregateId.toLowerCase());
  }

  /** From now on in this chunk, the aggregate's events join its dead letters. */
  park(aggregateId: string): void {
    this.parked.add(aggregateId.toLowerCase());
  }

  /**
   * Writes the chunk's new versions in one statement; fails (to retry the chunk) when another member claimed a new
   * aggregate first. `notify` (a projection's name) also announces it on `projectionAppliedChannel`, delivered to
   * readers waiting for these versions when (and only if) the transaction commits: one round trip for both.
   */
  async save(tx: PoolClient, notify?: string): Promise<void> {
    const updates = [...this.changed].filter((id) => this.stored.has(id));
    const inserts = [...this.changed].filter((id) => !this.stored.has(id));
    if (updates.length === 0 && inserts.length === 0 && notify === undefined) return;
    const { rows } = await tx.query<{ inserted: number }>(
      `WITH updated AS (
         UPDATE projection_versions p SET version = u.version
         FROM unnest($2::uuid[], $3::int[]) AS u(aggregate_id, version)
         WHERE p.projection = $1 AND p.aggregate_id = u.aggregate_id
         RETURNING 1),
       inserted AS (
         INSERT INTO projection_versions (projection, aggregate_id, version)
         SELECT $1, aggregate_id, version FROM unnest($4::uuid[], $5::int[]) AS u(aggregate_id, version)
         ON CONFLICT (projection, aggregate_id) DO NOTHING
         RETURNING 1)
       SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM updated)::int AS updated,
              (SELECT count(*) FROM (SELECT pg_notify('${projectionAppliedChannel}', $6::text) WHERE $6::text IS NOT NULL) AS n)::int AS notified`,
      [this.projection, updates, updates.map((id) => this.current.get(id)), inserts, inserts.map((id) => this.current.get(id)), notify ?? null],
    );
    if (rows[0]!.inserted !== inserts.length) throw new ConcurrentProjectionError(this.projection);
  }
}
