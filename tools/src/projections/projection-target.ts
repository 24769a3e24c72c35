import { parseArgs } from 'node:util';
import { migrationsFromDir } from '@mindflow/db';
import { createEventLog, projectorRuntimeConfigSchema, type EventLog, type ProjectionDefinition } from '@mindflow/event-log';
import { createLogger, loadConfig, type Logger } from '@mindflow/platform';
import { queryMigrationsDir, queryProjection, queryProjectorConfigSchema, queryReadModels } from '@mindflow/query';

/** A projection as the operations commands see it: what it is, where it lives, and the log it reads. */
export interface ProjectionTarget {
  readonly definition: ProjectionDefinition;
  readonly readDatabaseUrl: string;
  /** The live projector's consumer group (a rebuild reads as `<group>.rebuild-<stamp>`). */
  readonly group: string;
  readonly maxAttempts: number;
  readonly log: Logger;
  /** The event log the live projector reads, from the same configuration (created on demand). */
  eventLog(): EventLog;
}

/** The projections these commands know, each configured from the environment like its projector process. */
const targets: Record<string, (log: Logger) => Promise<ProjectionTarget>> = {
  async query(log) {
    const config = loadConfig(queryProjectorConfigSchema.extend(projectorRuntimeConfigSchema.shape));
    return {
      definition: { name: queryProjection, readModels: queryReadModels, migrationScope: 'query', migrations: await migrationsFromDir(queryMigrationsDir) },
      readDatabaseUrl: config.READ_DATABASE_URL,
      // As start-query-projector names it.
      group: config.QUERY_PROJECTOR_GROUP ?? `${config.KAFKA_TOPIC_PREFIX}.query-projector`,
      maxAttempts: config.PROJECTOR_MAX_ATTEMPTS,
      log,
      eventLog: () => createEventLog({
        mode: config.MINDFLOW_MODE, log, clientId: 'projection-tools', kafkaBrokers: config.KAFKA_BROKERS, kafkaTopicPrefix: config.KAFKA_TOPIC_PREFIX,
        kafkaSessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS, writeDatabaseUrl: config.WRITE_DATABASE_URL, readDatabaseUrl: config.READ_DATABASE_URL,
        keyStore: config,
      }),
    };
  },
};

/** Reads `--projection <name>` (and the command's own flags) from the command line. */
export async function projectionFromArgs(command: string): Promise<ProjectionTarget> {
  const { values } = parseArgs({ options: { projection: { type: 'string' }, help: { type: 'boolean' } } });
  const known = Object.keys(targets).join(', ');
  if (values.help || !values.projection) {
    console.error(`usage: npx tsx tools/src/projections/${command}.ts --projection <${known}>  (configured by the projector's environment variables)`);
    process.exit(values.help ? 0 : 64);
  }
  const target = targets[values.projection];
  if (!target) {
    console.error(`unknown projection ${values.projection}; known: ${known}`);
    process.exit(64);
  }
  return target(createLogger(`projections-${command}`));
}
