// The command service: the gRPC CommandService, the only writer of the write DB (its outbox is published by
// the relay, services/relay).
export { startCommandService, type RunningCommandService } from './command-service.js';
export { commandConfigSchema, type CommandConfig } from './command-config.js';
// The write DB's schema, for the deployment's migrations Job (deploy/src/migrate), which applies it before a rollout.
export { commandMigrations } from './adapters/pg/command-migrations.js';
