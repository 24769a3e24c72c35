import { projectorConfigSchema, startProjection, type ProjectorDefinition, type ReadModel, type RunningProjection } from '@mindflow/event-log';
import type { Logger } from '@mindflow/platform';
import { z } from 'zod';
import { migrateIdentityDatabase } from '../adapters/pg/identity-migrations.js';
import { recordErasureReceipt } from '../application/erasure-saga.js';
import type { IdentityEnvironment } from '../application/identity-environment.js';

/** Its name in identity's `projection_versions` and the default consumer group `<prefix>.identity-erasure-receipts`. */
export const erasureReceiptsProjection = 'identity-erasure-receipts';

/** The subscription's environment: the event log's (projectorConfigSchema) and identity's database. */
export const erasureReceiptsConfigSchema = projectorConfigSchema.extend({
  IDENTITY_DATABASE_URL: z.string().min(1),
  IDENTITY_ERASURE_RECEIPTS_GROUP: z.string().optional(),
});

/**
 * The saga's ears (README "Erasure"): every service's `UserDataErased`, read from the event log (embedded, the write
 * DB's outbox; distributed, Kafka) into `recordErasureReceipt`. The receipt goes in its own transaction of identity's
 * database: recording is idempotent (a receipt counts once), so a redelivery after a failed checkpoint changes
 * nothing. The projection's bookkeeping (versions, checkpoints, dead letters) lives in identity's database.
 */
export function erasureReceiptsReadModel(env: IdentityEnvironment): ReadModel {
  return {
    name: 'erasure_receipts',
    handlers: {
      UserDataErased: async (event) => {
        await recordErasureReceipt(env, event.payload);
      },
    },
  };
}

export const erasureReceiptsProjector = {
  name: erasureReceiptsProjection,
  role: erasureReceiptsProjection,
  config: erasureReceiptsConfigSchema,
  database: (config) => config.IDENTITY_DATABASE_URL,
  group: (config) => config.IDENTITY_ERASURE_RECEIPTS_GROUP,
  migrations: migrateIdentityDatabase,
  poolSize: 2,
  setUp: ({ dependencies }) => ({ readModels: [erasureReceiptsReadModel(dependencies.environment)] }),
} satisfies ProjectorDefinition<typeof erasureReceiptsConfigSchema, { readonly environment: IdentityEnvironment }>;

/** Runs the subscription inside the identity process (identity-service.ts wires it). */
export const startErasureReceipts = (input: Partial<z.infer<typeof erasureReceiptsConfigSchema>>, environment: IdentityEnvironment, log: Logger): Promise<RunningProjection> =>
  startProjection(erasureReceiptsProjector, input, { environment, log });
