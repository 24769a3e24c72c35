import { migrate, type Pool } from '@mindflow/db';
import { acknowledgeInOutbox, erasingReadModels, projectorConfigSchema, startProjection, type ProjectorDefinition, type RunningProjection } from '@mindflow/event-log';
import type { Logger } from '@mindflow/platform';
import { z } from 'zod';
import { commandMigrations } from '../adapters/pg/command-migrations.js';
import { eraseCommandRows } from '../adapters/pg/user-erasure.js';

/** Its name in the write DB's `projection_versions` and dead letters, and the default consumer group's suffix. */
export const commandErasureProjection = 'command-erasure';

export const commandErasureConfigSchema = projectorConfigSchema.extend({
  COMMAND_ERASURE_GROUP: z.string().optional(),
});

/**
 * Erasure in the command service (issue 16, identity README "Erasure"): on `UserErasureRequested` from the event log
 * (embedded, the write DB's own outbox; distributed, Kafka) every row of the user in the write DB goes, and
 * `UserDataErased` (service `command`) is appended to the write DB's outbox in the same transaction, which the relay
 * publishes like every command event. The outbox's history stays: it is sealed with the user's data key, destroyed.
 */
export const commandErasureProjector = {
  name: commandErasureProjection,
  role: commandErasureProjection,
  config: commandErasureConfigSchema,
  database: (config) => config.WRITE_DATABASE_URL,
  group: (config) => config.COMMAND_ERASURE_GROUP,
  migrations: async (pool: Pool) => migrate(pool, 'command', await commandMigrations()),
  poolSize: 2,
  readModels: erasingReadModels([], {
    service: 'command',
    erase: (userId, tx) => eraseCommandRows(tx, userId, commandErasureProjection),
    acknowledge: acknowledgeInOutbox('command'),
  }),
} satisfies ProjectorDefinition<typeof commandErasureConfigSchema>;

/** Runs the erasure subscription inside the command process (command-service.ts wires it). */
export const startCommandErasure = (input: Partial<z.infer<typeof commandErasureConfigSchema>>, log: Logger): Promise<RunningProjection> =>
  startProjection(commandErasureProjector, input, { log });
