import { defaultTopicPrefix } from '@mindflow/events';
import { port } from '@mindflow/platform';
import { z } from 'zod';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The relay's environment (docs/CONVENTIONS.md names; RELAY_* and KAFKA_TOPIC_* are the relay's own). */
export const relayConfigSchema = z.object({
  /**
   * The database whose outbox this relay publishes (the command write DB, identity's or insights'), migrated by
   * the service that owns it: the relay only reads it and its own checkpoint row.
   */
  WRITE_DATABASE_URL: z.string().min(1, 'WRITE_DATABASE_URL: the database whose outbox the relay publishes (postgres://…) is required'),
  /**
   * Where the relay publishes: `kafka` (distributed mode), or `outbox`, another database's outbox
   * (`RELAY_TARGET_DATABASE_URL`): embedded mode's `identity-relay` copies identity's events into the write DB's.
   */
  RELAY_TARGET: z.enum(['kafka', 'outbox'], { message: 'kafka (publish to Kafka) or outbox (append to the outbox of RELAY_TARGET_DATABASE_URL)' }).default('kafka'),
  /** With `RELAY_TARGET=outbox`: the database whose outbox receives the events (its owner migrates it). */
  RELAY_TARGET_DATABASE_URL: z.string().min(1).optional(),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().min(1).default(defaultTopicPrefix),
  KAFKA_CLIENT_ID: z.string().min(1).default('mindflow-relay'),
  /** Partitions and replicas of the topics the relay creates when they are missing. */
  KAFKA_TOPIC_PARTITIONS: positive(6),
  KAFKA_REPLICATION_FACTOR: positive(1),
  /** The service whose outbox this relay publishes: the envelope's `source` (the outbox row has no column for it). */
  RELAY_SOURCE: z.string().regex(/^[a-z][a-z0-9-]*$/).default('command'),
  /** Outbox rows published per Kafka request; the next batch is read only once this one is acknowledged. */
  RELAY_BATCH_SIZE: positive(500),
  /** Fallback poll when no `NOTIFY outbox` arrives: its first pause, doubling while the outbox is quiet up to 15 s (`OutboxWakeup`). */
  RELAY_POLL_MS: positive(1_000),
  /**
   * How long published outbox rows stay in the write DB (Kafka keeps every event for good); 0 keeps them forever.
   * Rows not yet published are never pruned.
   */
  OUTBOX_RETENTION_HOURS: z.coerce.number().min(0).default(168),
  /** How often the leading relay prunes the outbox. */
  RELAY_PRUNE_EVERY_MS: positive(600_000),
  /** How often a standby relay tries to take over. */
  RELAY_LOCK_RETRY_MS: positive(2_000),
  OPS_PORT: port(9465),
  LOG_LEVEL: z.string().default('info'),
}).superRefine((config, context) => {
  if (config.RELAY_TARGET !== 'outbox') return;
  if (!config.RELAY_TARGET_DATABASE_URL) {
    context.addIssue({
      code: 'custom',
      path: ['RELAY_TARGET_DATABASE_URL'],
      message: 'with RELAY_TARGET=outbox, the database whose outbox receives the events (postgres://…) is required',
    });
  } else if (sameDatabase(config.RELAY_TARGET_DATABASE_URL, config.WRITE_DATABASE_URL)) {
    context.addIssue({
      code: 'custom',
      path: ['RELAY_TARGET_DATABASE_URL'],
      message: 'must name another database than WRITE_DATABASE_URL (the relay would republish its own outbox forever)',
    });
  }
});

/** Whether two connection strings name one database (same host, port and database name; credentials aside). */
function sameDatabase(a: string, b: string): boolean {
  const where = (url: string): string | undefined => {
    try {
      const parsed = new URL(url);
      return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname.replace(/\/+$/, '')}`;
    } catch {
      return undefined;
    }
  };
  const [left, right] = [where(a), where(b)];
  return left !== undefined ? left === right : a === b;
}

export type RelayConfig = z.infer<typeof relayConfigSchema>;
