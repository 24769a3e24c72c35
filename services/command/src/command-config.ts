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
});

export type CommandConfig = z.infer<typeof commandConfigSchema>;
