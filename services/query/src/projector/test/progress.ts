import type { Pool } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';

/** How many of `events` the query projection has applied, read from `projection_versions`. */
export async function appliedCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string | null }>(`SELECT sum(version) AS n FROM projection_versions WHERE projection = 'query'`);
  return Number(rows[0]?.n ?? 0);
}

/** Polls until every one of `events` is applied (versions are contiguous, so their sum counts them). */
export async function whenApplied(pool: Pool, events: readonly AnyEvent[], timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  for (;;) {
    const applied = await appliedCount(pool).catch(() => 0); // the table appears with the first migration
    if (applied === events.length) return Date.now() - started;
    if (Date.now() > deadline) throw new Error(`projection applied ${applied} of ${events.length} events within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
