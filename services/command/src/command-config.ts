import { keyStoreConfigSchema } from '@mindflow/event-log';
import { modeSchema, port } from '@mindflow/platform';
import { z } from 'zod';

/** The command service's environment (names from docs/CONVENTIONS.md; IDEMPOTENCY_KEY_TTL_HOURS is its own). */
export const commandConfigSchema = z.object({
  WRITE_DATABASE_URL: z.string().min(1, 'WRITE_DATABASE_URL: the command write DB (postgres://…) is required'),
  COMMAND_GRPC_ADDRESS: z.string().min(1).default('127.0.0.1:50051'),
  /** How long a used idempotency key answers retries before it is purged. */
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().positive().default(24),
  OPS_PORT: port(9464),
  LOG_LEVEL: z.string().default('info'),
  /** With the key store's variables: where the data keys that seal the events' personal fields are (issue 16). */
  MINDFLOW_MODE: modeSchema,
  ...keyStoreConfigSchema.shape,
  /**
   * Erase a user's rows on UserErasureRequested read from the event log (embedded: this DB's outbox; distributed:
   * Kafka) and acknowledge in this outbox (src/erasure/command-erasure.ts; issue 16).
   */
  COMMAND_ERASURE: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  COMMAND_ERASURE_GROUP: z.string().optional(),
  KAFKA_BROKERS: z.string().default('127.0.0.1:9092'),
  KAFKA_TOPIC_PREFIX: z.string().default('mindflow'),
});

export type CommandConfig = z.infer<typeof commandConfigSchema>;
