import { keyStoreConfigSchema } from '@mindflow/event-log';
import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';

/** The notifier's environment (docs/CONVENTIONS.md, "Configuration"). */
export const notifierConfigSchema = z.object({
  /** The notifier process runs in distributed mode; in embedded mode the gateway plays its role in-process. */
  MINDFLOW_MODE: modeSchema,
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default('mindflow'),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().default('mindflow:'),
  /** embedded mode only (the outbox as the log, checkpoints in the read DB). */
  WRITE_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write'),
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.notifier`, so prefixed test systems never share one. */
  NOTIFIER_GROUP: z.string().optional(),
  /** The data keys its events' sealed personal fields open with (crypto-shredding; distributed: KEY_STORE_DATABASE_URL). */
  ...keyStoreConfigSchema.shape,
  /**
   * How long the group waits for a silent member: a crashed notifier's partitions (its users' live notifications)
   * wait this long for another member, and a restarted one consumes once its dead predecessor's session expired.
   * Shorter than a projector's 30 s (a spurious rebalance costs the notifier only a redelivery the gateway drops as
   * a repeated eventId); not the broker's 6 s minimum, as kafkajs heartbeats between fetches and an idle fetch waits
   * up to 5 s.
   */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(10_000),
  /** Events older than this when read are not published (after an outage, the backlog is not news). */
  NOTIFIER_MAX_EVENT_AGE_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** `/health/live` fails once events have waited this long for it with none handled (0: never). */
  NOTIFIER_LIVE_MAX_STALL_MS: z.coerce.number().int().min(0).default(300_000),
  OPS_PORT: port(0),
});

export type NotifierConfig = z.infer<typeof notifierConfigSchema>;

export const notifierGroup = (config: Pick<NotifierConfig, 'NOTIFIER_GROUP' | 'KAFKA_TOPIC_PREFIX'>) =>
  config.NOTIFIER_GROUP ?? `${config.KAFKA_TOPIC_PREFIX}.notifier`;
