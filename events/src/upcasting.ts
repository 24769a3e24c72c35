import { currentSchemaVersion, eventTypes, type EventType } from './catalogue.js';
import type { EventHeader } from './envelope.js';
import { EventContractError } from './event-contract-error.js';
import { aiInsightsGeneratedV1ToV2 } from './legacy/ai-insights-generated-v1.js';
import { journalEntryCreatedV1ToV2 } from './legacy/journal-entry-created-v1.js';
import { journalEntryUpdatedV1ToV2 } from './legacy/journal-entry-updated-v1.js';
import { taskCompletedV1ToV2, taskReopenedV1ToV2 } from './legacy/task-completion-v1.js';
import { taskCreatedV1ToV2, taskUpdatedV1ToV2 } from './legacy/task-plan-v1.js';
import type { Upcaster } from './upcaster.js';

/** Every upcaster, one per (eventType, fromVersion). Add a line here with each new `…V<n>` shape. */
export const upcasters: readonly Upcaster[] = [
  journalEntryCreatedV1ToV2,
  taskCompletedV1ToV2,
  taskReopenedV1ToV2,
  aiInsightsGeneratedV1ToV2,
  taskCreatedV1ToV2,
  taskUpdatedV1ToV2,
  journalEntryUpdatedV1ToV2,
];

const byStep = new Map<string, Upcaster>();
const stepKey = (eventType: EventType, fromVersion: number) => `${eventType}@${fromVersion}`;
for (const upcaster of upcasters) {
  const key = stepKey(upcaster.eventType, upcaster.fromVersion);
  if (byStep.has(key)) throw new Error(`two upcasters for ${key}`);
  byStep.set(key, upcaster);
}

// Fail at import, not on the first old message in production: every version below the current one must
// have a way up.
for (const eventType of eventTypes) {
  for (let version = 1; version < currentSchemaVersion(eventType); version++) {
    if (!byStep.has(stepKey(eventType, version))) throw new Error(`no upcaster for ${stepKey(eventType, version)}`);
  }
}

/**
 * Brings a payload written at `header.schemaVersion` up to the current version, one step at a time.
 * Returns it unvalidated against the current schema (the caller validates the whole event).
 */
export function upcastPayload(header: EventHeader, payload: unknown): unknown {
  const { eventType, schemaVersion } = header;
  const current = currentSchemaVersion(eventType);
  if (schemaVersion > current) {
    throw new EventContractError({
      violation: 'unsupported-schema-version',
      issues: [{ path: ['schemaVersion'], message: `version ${schemaVersion} is newer than this build knows (${current}); deploy consumers before producers` }],
      eventType,
      eventId: header.eventId,
    });
  }
  let value = payload;
  for (let version = schemaVersion; version < current; version++) {
    const upcaster = byStep.get(stepKey(eventType, version))!;
    const old = upcaster.from.safeParse(value);
    if (!old.success) {
      throw EventContractError.fromZod(old.error, { prefix: ['payload'], eventType, eventId: header.eventId });
    }
    value = upcaster.upcast(old.data, header);
  }
  return value;
}
