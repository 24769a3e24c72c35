import type { Pool } from '@mindflow/db';
import type { WrittenVersion } from './consistency-token.js';

/** The name the query projector records its progress under in `projection_versions`. */
export const queryProjection = 'query';

/**
 * Waits until the query projection has applied every given write, polling `projection_versions` with a
 * growing pause (a projector normally catches up in tens of milliseconds; polling keeps this independent
 * of how the projector is deployed). Resolves false when `timeoutMs` passes first.
 */
export async function waitForReadSide(
  pool: Pool,
  writes: readonly WrittenVersion[],
  timeoutMs: number,
  projection = queryProjection,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let pause = 10;
  for (;;) {
    if (await caughtUp(pool, writes, projection)) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    pause = Math.min(pause * 2, 200);
  }
}

async function caughtUp(pool: Pool, writes: readonly WrittenVersion[], projection: string): Promise<boolean> {
  const { rows } = await pool.query<{ behind: number }>(
    `SELECT count(*)::int AS behind
       FROM unnest($2::uuid[], $3::int[]) AS wanted(aggregate_id, version)
       LEFT JOIN projection_versions p ON p.projection = $1 AND p.aggregate_id = wanted.aggregate_id
      WHERE p.version IS NULL OR p.version < wanted.version`,
    [projection, writes.map((w) => w.aggregateId), writes.map((w) => w.version)],
  );
  return rows[0]?.behind === 0;
}
