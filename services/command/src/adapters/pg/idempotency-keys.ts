import type { ClaimOutcome, FirstUse, IdempotencyClaim } from '../../application/ports/idempotency-keys.js';
import type { Tx } from './sql-client.js';

/**
 * Reads what the first use of a key produced, if it was committed. A plain SELECT: it assigns the transaction
 * no id, which matters for the outbox order (see run-command.ts).
 */
export async function findIdempotentResult(tx: Tx, claim: IdempotencyClaim): Promise<FirstUse | undefined> {
  const { rows } = await tx.query<{ command: string; result: unknown }>(
    'SELECT command, result FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [claim.userId, claim.key],
  );
  const first = rows[0];
  return first ? { claimed: false, command: first.command, result: first.result } : undefined;
}

/**
 * Claims the key inside the command's transaction, or answers what the first use of it produced. When
 * another transaction holds an uncommitted claim on the same key, the insert waits for it: if that one
 * commits, its result is answered here; if it rolls back, this claim goes through. No unique-violation
 * error ever aborts our transaction (ON CONFLICT DO NOTHING).
 */
export async function claimIdempotencyKey(tx: Tx, claim: IdempotencyClaim): Promise<ClaimOutcome> {
  const inserted = await tx.query(
    `INSERT INTO idempotency_keys (user_id, key, command) VALUES ($1, $2, $3) ON CONFLICT (user_id, key) DO NOTHING`,
    [claim.userId, claim.key, claim.command],
  );
  if (inserted.rowCount === 1) return { claimed: true };
  const { rows } = await tx.query<{ command: string; result: unknown }>(
    'SELECT command, result FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [claim.userId, claim.key],
  );
  const first = rows[0];
  if (!first) throw new Error('idempotency key vanished between conflict and read');
  return { claimed: false, command: first.command, result: first.result };
}

export async function recordIdempotentResult(tx: Tx, claim: IdempotencyClaim, result: unknown): Promise<void> {
  await tx.query('UPDATE idempotency_keys SET result = $3 WHERE user_id = $1 AND key = $2', [
    claim.userId,
    claim.key,
    JSON.stringify(result),
  ]);
}

/** Forgets keys older than the retention window: past it, a retry is a new command. Returns how many. */
export async function purgeIdempotencyKeys(pool: Pick<Tx, 'query'>, olderThanHours: number): Promise<number> {
  const { rowCount } = await pool.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [
    olderThanHours,
  ]);
  return rowCount ?? 0;
}
