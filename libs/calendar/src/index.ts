// Calendar arithmetic shared by the services: expansion of the RFC 5545 RRULEs of tasks and calendar events
// (the query service's read model and subgraph, the notifications service's reminders).
export { dayStart, lastOccurrence, occurrencesBetween, utcDay, type Series } from './occurrences.js';
