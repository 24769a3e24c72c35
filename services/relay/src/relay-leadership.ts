import { pause } from '@mindflow/platform';
import pg from 'pg';

export interface Leadership {
  /** True once the lock's connection failed: Postgres has released the lock, another relay may lead. */
  lost(): boolean;
  release(): Promise<void>;
}

/**
 * Only one relay publishes at a time: the leader holds a session-level advisory lock on a connection of
 * its own, which Postgres releases the moment that connection ends (crash, kill -9, network loss).
 * The others retry every `retryMs` as hot standbys. Resolves null when `stopped()` turns true first.
 */
export async function awaitLeadership(options: {
  url: string;
  lockName: string;
  retryMs: number;
  stopped: () => boolean;
  onWaiting?: (error?: unknown) => void;
}): Promise<Leadership | null> {
  while (!options.stopped()) {
    const client = new pg.Client({ connectionString: options.url, application_name: `relay-lock:${options.lockName}`, connectionTimeoutMillis: 5_000 });
    let lost = false;
    client.on('error', () => (lost = true));
    client.on('end', () => (lost = true));
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        `outbox-relay:${options.lockName}`,
      ]);
      if (rows[0]?.locked) {
        return { lost: () => lost, release: () => client.end().catch(() => undefined) };
      }
      options.onWaiting?.();
    } catch (error) {
      options.onWaiting?.(error);
    }
    await client.end().catch(() => undefined);
    await pause(options.retryMs, { active: () => !options.stopped(), stepMs: 50 });
  }
  return null;
}
