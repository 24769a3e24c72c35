import pg from 'pg';

/**
 * One active member per consumer group in the embedded log: the outbox has no partitions to share, so
 * extra replicas wait as standbys on a session advisory lock in the read DB and take over when the
 * holder's connection ends (crash included). Checkpoint fencing guards the moment of hand-over.
 */
export class GroupLock {
  private client: pg.Client | undefined;

  constructor(private readonly url: string, private readonly group: string) {}

  /** Tries once; true when this member now holds the group. */
  async tryAcquire(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.url, application_name: `event-log:${this.group}`, connectionTimeoutMillis: 5_000 });
    client.on('error', () => undefined); // a lost lock connection shows up as a fenced checkpoint
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      `event-log:${this.group}`,
    ]);
    if (rows[0]?.locked) {
      this.client = client;
      return true;
    }
    await client.end();
    return false;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined); // ending the session releases the lock
  }
}
