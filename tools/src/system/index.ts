export { startSystem, repoRoot, identityDatabaseUrlFor, insightsDatabaseUrlFor, type Mode, type RunningSystem, type SystemOptions } from './system.js';
export { ServiceProcess, type ProcessExit, type ServiceSpec } from './service-process.js';
export { Supervisor, type RoleStatus, type SupervisorOptions } from './supervisor.js';
export { freePort } from './free-port.js';
export { waitUntil, answers } from './wait-until.js';
