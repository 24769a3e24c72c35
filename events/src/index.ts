// @mindflow/events: the contract of every event in MindFlow. Producers build events with `newEvent`,
// consumers read them with `parseEvent` / `fromKafkaMessage`; nobody writes event JSON by hand.

export {
  aggregateIdOf,
  aggregateTypeOf,
  aggregateTypes,
  currentSchemaVersion,
  eventTypes,
  eventTypesOf,
  isEventType,
  payloadSchemaOf,
  type AggregateType,
  type AggregateTypeOf,
  type EventType,
  type PayloadOf,
} from './catalogue.js';
export { newEvent, type AnyEvent, type EventEnvelope, type EventHeader, type NewEventInput } from './envelope.js';
export { EventContractError, type EventContractIssue, type EventContractViolation } from './event-contract-error.js';
export { parseEvent } from './parse-event.js';
// Crypto-shredding (issue 16): personal fields sealed with a per-user key (privacy/).
export { notPersonal, personal, personalFieldsOf, unclassifiedStrings } from './privacy/personal.js';
export { ERASED, erasedValueOf, isErased } from './privacy/erased.js';
export { KeyDestroyedError, KeyMissingError, type DataKey, type KeyLookup, type KeyStore } from './privacy/key-store.js';
export { InMemoryKeyStore } from './privacy/in-memory-key-store.js';
export { CachedKeyStore, type KeyCacheOptions } from './privacy/cached-key-store.js';
export {
  isSealed,
  lookupKeys,
  needsSealing,
  openWith,
  openStoredEvent,
  openStoredEventWith,
  payloadSchemaAt,
  sealEvent,
  sealEventWith,
  sealedOwner,
  type KeyLookups,
  type SealedBox,
  type StoredEvent,
} from './privacy/sealed-payload.js';
// The upcaster table, for introspection; new upcasters are added inside this package (README).
export { upcasters } from './upcasting.js';
export type { Upcaster } from './upcaster.js';
export { allTopics, defaultTopicPrefix, topicFor, topicForAggregate } from './topics.js';
export {
  eventFromKafkaValue,
  fromKafkaMessage,
  kafkaValueOf,
  toKafkaMessage,
  type EventHeaders,
  type IncomingKafkaMessage,
  type OutgoingKafkaMessage,
} from './serialization.js';
export { insightsAggregateId, insightsSettingsAggregateId } from './insights-id.js';
export { countWords } from './word-count.js';
export { Mood, Priority } from './vocabulary.js';
export { CalendarDate, Id, Instant, RecurrenceRule, Tag, TimeOfDay } from './scalars.js';

// Payload schemas (zod) and their types (same name), one module per aggregate. The `…Field` enums name
// what `changedFields` of an `…Updated` event may list.
export {
  ErasingService,
  UserDataErasedPayload,
  UserErasureRequestedPayload,
  UserLoggedInPayload,
  UserRegisteredPayload,
} from './user-events.js';
export { erasureReceiptId } from './erasure-receipt-id.js';
export { JournalCreatedPayload, JournalDeletedPayload, JournalField, JournalUpdatedPayload } from './journal-events.js';
export {
  EntryField,
  JournalEntryCreatedPayload,
  JournalEntryDeletedPayload,
  JournalEntryUpdatedPayload,
  MoodRecordedPayload,
} from './entry-events.js';
export { TagCreatedPayload } from './tag-events.js';
export { ThoughtCapturedPayload, ThoughtDeletedPayload, ThoughtField, ThoughtUpdatedPayload } from './thought-events.js';
export {
  TaskCompletedPayload,
  TaskCreatedPayload,
  TaskDeletedPayload,
  TaskField,
  TaskReopenedPayload,
  TaskUpdatedPayload,
  reminderMinutesLimit,
} from './task-events.js';
export {
  CalendarEventCancelledPayload,
  CalendarEventField,
  CalendarEventScheduledPayload,
  CalendarEventUpdatedPayload,
} from './calendar-events.js';
export { AIInsightsFailedPayload, AIInsightsGeneratedPayload, InsightsSettingChangedPayload } from './insights-events.js';
export {
  DeliveryChannel,
  NotificationCreatedPayload,
  NotificationFailedPayload,
  NotificationKind,
  NotificationSentPayload,
  WeeklyReflectionGeneratedPayload,
} from './notification-events.js';
export {
  AttachmentAddedPayload,
  AttachmentRemovalReason,
  AttachmentRemovedPayload,
  AttachmentTargetType,
} from './attachment-events.js';
// Published shapes of older schema versions, kept for upcasting (README "Changing an event").
export { AIInsightsGeneratedV1Payload } from './legacy/ai-insights-generated-v1.js';
export { JournalEntryCreatedV1Payload } from './legacy/journal-entry-created-v1.js';
export { TaskCompletedV1Payload, TaskReopenedV1Payload } from './legacy/task-completion-v1.js';
