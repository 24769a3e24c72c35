// Real servers for integration suites (docs/CONVENTIONS.md, "Test servers"): where they come from, and
// names that keep suites apart so they run in parallel and re-run without cleanup.
export { testServers, type TestServers, type ServerSource } from './test-servers.js';
export { s3Endpoint, type S3Endpoint } from './s3-endpoint.js';
export { type ServerName } from './server-names.js';
export { MissingServerError } from './missing-server-error.js';
export { createTestDatabase, createTestDatabaseWithPool, type TestDatabase, type PooledTestDatabase } from './test-database.js';
export { createTestKafka, createTestTopics } from './kafka-topics.js';
export { uniqueTopicPrefix, uniqueRedisPrefix, uniqueIndexPrefix, uniqueBucketName, uniqueDatabaseName, isStaleTestName } from './unique-names.js';
export { findRepoRoot } from './repo-root.js';
export { closeOnInit, messageType, wsUrl } from './graphql-ws.js';
export { defaultFakeAnalysis, startFakeMessagesApi, type FakeMessagesApi, type RecordedRequest, type ScriptedReply } from './fake-messages-api.js';
export { startSmtpCatcher, type CaughtMail, type SmtpCatcher, type SmtpCatcherOptions } from './smtp-catcher.js';
