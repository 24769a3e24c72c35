import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';

/** The query projector's environment (docs/CONVENTIONS.md, "Configuration"). */
export const queryProjectorConfigSchema = z.object({
  MINDFLOW_MODE: modeSchema,
  READ_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_read'),
  /** embedded mode: the command service's DB, whose outbox is the event log. */
  WRITE_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/mindflow_write'),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default('mindflow'),
  /** A crashed member's partitions move to the others after this long (Kafka allows 6 s and up). */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).default(30_000),
  /** The most one Kafka fetch brings of a partition: the batches the projector cuts into chunks (BENCHMARKS.md §3). */
  KAFKA_FETCH_MAX_BYTES_PER_PARTITION: z.coerce.number().int().min(64 * 1024).default(1024 * 1024),
  /** Consumer group; by default `<KAFKA_TOPIC_PREFIX>.query-projector`, so prefixed test systems never share one. */
  QUERY_PROJECTOR_GROUP: z.string().optional(),
  OPS_PORT: port(0),
});

export type QueryProjectorConfig = z.infer<typeof queryProjectorConfigSchema>;
