// The bench runs against the same real servers as the integration suites, with their isolation: a fresh
// database, topic prefix and Redis key prefix per run, reaped like any test leftover if a run dies. That is
// what @mindflow/testing is for, so the bench borrows it here, in this one place.
// eslint-disable-next-line @nx/enforce-module-boundaries -- see above: test servers and per-run isolation
export { createTestDatabase, testServers, uniqueIndexPrefix, uniqueRedisPrefix, uniqueTopicPrefix, type TestDatabase } from '@mindflow/testing';
