// The event log port, its adapters (Kafka, embedded outbox) and the projector runtime built on it.
export type { EventBatch, EventLog, SqlClient, SubscribeOptions, Subscription } from './event-log.js';
export type { DeadLetter, DeadLetterReason, UnreadableMessage, UnreadablePolicy } from './dead-letter.js';
export { createEventLog, type EventLogConfig } from './create-event-log.js';
export { createKafkaEventLog, deadLetterTopic, type KafkaEventLogOptions } from './kafka/kafka-event-log.js';
export { ensureEventTopics, eventTopicConfig, type EnsureTopicsOptions } from './kafka/event-topics.js';
export { stopKafkaIdleTimers } from './kafka/kafka-idle-timers.js';
export { createEmbeddedEventLog, type EmbeddedEventLogOptions } from './embedded/embedded-event-log.js';
export { OutboxWakeup } from './embedded/outbox-wakeup.js';
export { defaultChunkSize, runProjector, type Projector, type ProjectorOptions } from './projector/run-projector.js';
export {
  projectorConfigSchema,
  runProjection,
  startProjection,
  type ProjectionControls,
  type ProjectionDependencies,
  type ProjectionParts,
  type ProjectionSetUpContext,
  type ProjectorConfig,
  type ProjectorDefinition,
  type RunningProjection,
} from './projector/start-projection.js';
export { projectorRuntimeConfigSchema, projectorRuntimeOptions, type ProjectorRuntimeConfig } from './projector/projector-runtime-config.js';
export { defaultCaughtUpPolicy, LagMonitor, type CaughtUpPolicy, type LagReading } from './projector/lag-monitor.js';
export type { BatchProjectionHandler, BatchProjectionHandlers, ChunkScope, DeferredWrite, EventOfType, ProjectionHandler, ProjectionHandlers, ReadModel } from './projector/projection-handlers.js';
export { handledEventTypes } from './projector/projection-handlers.js';
export { batchGroups } from './projector/apply-events.js';
export { decideVersion, VersionGapError, type VersionDecision } from './projector/version-decision.js';
export { projectorMetrics, type ProjectorMetrics } from './projector/projector-metrics.js';
export { redriveDeadLetters, type RedriveOptions, type RedriveReport } from './projector/dead-letters/redrive.js';
export { rebuildProjection, type ProjectionDefinition, type RebuildOptions, type RebuildReport } from './projector/rebuild/rebuild-projection.js';
export * from './outbox/index.js';
export * from './keys/index.js';
export * from './consistency/index.js';
export * from './tracing/index.js';
export { acknowledgeInOutbox, erasedAmong, erasedUsersTable, eraseOwnedRows, erasingReadModels, erasureAcknowledgement, type ErasureReceipt, type UserEraser } from './projector/erasure/index.js';
