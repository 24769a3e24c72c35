import type { ApiError } from './graphql-errors';

/**
 * Reading one's own write (`x-consistent-with`) on a busy server: the read side may not have the write when the
 * server's wait (5 s) runs out, and it answers CONSISTENCY_TIMEOUT. The write is saved; only that read came early.
 * The client asks again after these pauses (each attempt waits up to the server's bound too), then reads what the
 * read side has without waiting (live updates bring the write when it lands): a person never sees the raw timeout.
 */
export const catchUpPauses: readonly number[] = [500, 1000, 2000, 4000];

/** The pause before the next attempt at a read that timed out waiting for its write, or undefined: stop waiting. */
export function catchUpPause(error: ApiError, attempt: number): number | undefined {
  if (error.code !== 'CONSISTENCY_TIMEOUT') return undefined;
  return catchUpPauses[attempt];
}
