import type { LoginThrottle } from '../../domain/login/lockout.js';
import type { Tx } from './sql-client.js';

/** The throttle of one address, locked until commit so concurrent attempts are counted one after another. */
export async function lockThrottle(tx: Tx, emailKey: string): Promise<LoginThrottle> {
  await tx.query(
    'INSERT INTO login_throttles (email_key, failures) VALUES ($1, 0) ON CONFLICT (email_key) DO NOTHING',
    [emailKey],
  );
  const { rows } = await tx.query<{ failures: number; last_failure_at: Date | null; locked_until: Date | null }>(
    'SELECT failures, last_failure_at, locked_until FROM login_throttles WHERE email_key = $1 FOR UPDATE',
    [emailKey],
  );
  const row = rows[0]!;
  return { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
}

export async function saveThrottle(tx: Tx, emailKey: string, throttle: LoginThrottle): Promise<void> {
  await tx.query(
    'UPDATE login_throttles SET failures = $2, last_failure_at = $3, locked_until = $4 WHERE email_key = $1',
    [emailKey, throttle.failures, throttle.lastFailureAt, throttle.lockedUntil],
  );
}
