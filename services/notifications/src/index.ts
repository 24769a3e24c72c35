// The notifications service (README.md): its roles' definitions are exported here as they land.
export { rescheduleUser } from './adapters/pg/task-schedule.js';
export { isValidTimeZone, usableTimeZone } from './domain/time-zone.js';
