import type { Pool } from '@mindflow/db';
import { aggregateTypeOf, type AggregateType } from '@mindflow/events';
import { backoffDelay, type BackoffPolicy } from '@mindflow/platform';
import { handledEventTypes, type ReadModel } from '../projector/projection-handlers.js';
import type { WrittenVersion } from './consistency-token.js';
import type { ProjectionNotices } from './projection-notices.js';

/** The aggregate types a projection follows: the streams of every event type its read models handle. */
export function projectedAggregateTypes(readModels: readonly ReadModel[]): ReadonlySet<AggregateType> {
  return new Set(handledEventTypes(readModels).map((eventType) => aggregateTypeOf(eventType)));
}

/**
 * The writes a reader of `projectedTypes` has to wait for: those of a type it projects, and those of the
 * older untyped form (which may be anything). A write of another type never reaches this projection, so
 * waiting for it would only time out.
 */
export function writesToAwait(writes: readonly WrittenVersion[], projectedTypes: ReadonlySet<AggregateType>): WrittenVersion[] {
  return writes.filter((w) => w.aggregateType === undefined || projectedTypes.has(w.aggregateType));
}

/**
 * Waits until `projection` has applied every write it projects (see `writesToAwait`), reading
 * `projection_versions` again after each pause: a pause growing from 10 ms to 200 ms, cut short by the
 * projection's next commit when `notices` listens for them (so the wait ends within a few milliseconds of the
 * write being applied). Polling keeps this independent of how the projector is deployed, and correct when a
 * notice is lost. Resolves false when `timeoutMs` passes first.
 */
export async function waitForProjection(
  pool: Pool,
  projection: string,
  writes: readonly WrittenVersion[],
  timeoutMs: number,
  projectedTypes: ReadonlySet<AggregateType>,
  notices?: ProjectionNotices,
): Promise<boolean> {
  const awaited = writesToAwait(writes, projectedTypes);
  if (awaited.length === 0) return true;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    const pause = backoffDelay(attempt, pollPauses);
    // Armed before the read: a commit between the read and the wait still wakes it.
    const notice = notices?.arm(projection, Math.min(notices.listening ? 200 : pause, Math.max(0, deadline - Date.now())));
    let done: boolean;
    try {
      done = await caughtUp(pool, projection, awaited);
    } catch (error) {
      notice?.cancel();
      throw error;
    }
    const left = deadline - Date.now();
    if (done || left <= 0) {
      notice?.cancel();
      return done;
    }
    await (notice?.wait ?? new Promise((resolve) => setTimeout(resolve, Math.min(pause, left))));
  }
}

/** The pauses between two reads of `projection_versions`: 10 ms, doubling up to 200 ms. */
const pollPauses: BackoffPolicy = { initialMs: 10, maxMs: 200, jitter: 0 };

async function caughtUp(pool: Pool, projection: string, writes: readonly WrittenVersion[]): Promise<boolean> {
  const { rows } = await pool.query<{ behind: number }>(
    `SELECT count(*)::int AS behind
       FROM unnest($2::uuid[], $3::int[]) AS wanted(aggregate_id, version)
       LEFT JOIN projection_versions p ON p.projection = $1 AND p.aggregate_id = wanted.aggregate_id
      WHERE p.version IS NULL OR p.version < wanted.version`,
    [projection, writes.map((w) => w.aggregateId), writes.map((w) => w.version)],
  );
  return rows[0]?.behind === 0;
}
