export { startSystem, identityDatabaseUrlFor, insightsDatabaseUrlFor, keysDatabaseUrlFor, mediaDatabaseUrlFor, notificationsDatabaseUrlFor, type Mode, type RunningSystem, type SystemOptions } from './system.js';
export { ServiceProcess, type ProcessExit, type ServiceSpec } from './service-process.js';
export { Supervisor, type RoleStatus, type SupervisorOptions } from './supervisor.js';
// The repository's root and a free port: the platform's, offered here with the launcher that uses them.
export { freePort, repoRoot } from '@mindflow/platform';
export { waitUntil, answers } from './wait-until.js';
export { systemObjectStore } from './object-store.js';
