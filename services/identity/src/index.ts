// The identity service: accounts, credentials, sessions, the identity subgraph and the JWKS (process entry `main.ts`).
export { startIdentityService, type RunningIdentityService, type IdentityDependencies } from './identity-service.js';
export { identityConfigSchema, type IdentityConfig } from './identity-config.js';
// Identity's schema, for the deployment's migrations Job (deploy/src/migrate), which applies it before a rollout.
export { migrateIdentityDatabase } from './adapters/pg/identity-migrations.js';
