// The command service's two roles, each with its own process entry (`main.ts`, `relay-main.ts`).
export { startCommandService, type RunningCommandService } from './command-service.js';
export { commandConfigSchema, type CommandConfig } from './command-config.js';
export { startRelay, type RunningRelay } from './relay/start-relay.js';
export { relayConfigSchema, type RelayConfig } from './relay/relay-config.js';
// The write DB's schema, for the deployment's migrations Job (deploy/src/migrate), which applies it before a rollout.
export { commandMigrations } from './adapters/pg/command-migrations.js';
