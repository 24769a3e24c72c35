import { describe, expect, it } from 'vitest';
import { newEvent } from './envelope.js';
import { EventContractError } from './event-contract-error.js';
import { parseEvent } from './parse-event.js';
import { sampleEvent } from './testing/sample-event.js';
import { sampleIds, samplePayloads } from './testing/sample-payloads.js';

/** Runs `act`, expecting an EventContractError, and returns it. */
function contractError(act: () => unknown): EventContractError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(EventContractError);
    return error as EventContractError;
  }
  throw new Error('expected an EventContractError');
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('parseEvent', () => {
  it('accepts what newEvent builds', () => {
    const event = sampleEvent('TaskCreated');
    expect(parseEvent(asJson(event))).toEqual(event);
  });

  it('names the bad payload field', () => {
    const raw = asJson(sampleEvent('JournalEntryCreated'));
    raw.payload = { ...(raw.payload as object), tags: ['ok', 7] };
    const error = contractError(() => parseEvent(raw));
    expect(error.violation).toBe('invalid-field');
    expect(error.path).toEqual(['payload', 'tags', 1]);
    expect(error.eventType).toBe('JournalEntryCreated');
    expect(error.message).toMatch(/^JournalEntryCreated: payload\.tags\.1: /);
  });

  it.each([
    ['an out-of-range sentiment', 'AIInsightsGenerated', { sentiment: 1.5 }, ['payload', 'sentiment']],
    ['a mood outside the API enum', 'MoodRecorded', { mood: 'HAPPY' }, ['payload', 'mood']],
    ['a priority outside the API enum', 'TaskCreated', { priority: 'low' }, ['payload', 'priority']],
    ['a date that is not YYYY-MM-DD', 'TaskCreated', { date: '18/03/2025' }, ['payload', 'date']],
    ['a due time that is not HH:MM', 'TaskCreated', { dueTime: '9:30am' }, ['payload', 'dueTime']],
    ['a recurrence that is not an RRULE', 'TaskCreated', { recurrence: 'every monday' }, ['payload', 'recurrence']],
    ['a reminder instant without a zone', 'TaskCreated', { remindAt: '2025-03-18T09:00:00' }, ['payload', 'remindAt']],
    ['a negative reminder offset', 'TaskCreated', { reminderMinutesBefore: -5 }, ['payload', 'reminderMinutesBefore']],
    ['a reminder offset of more than a week', 'TaskUpdated', { reminderMinutesBefore: 10_081 }, ['payload', 'reminderMinutesBefore']],
    ['a fractional reminder offset', 'TaskUpdated', { reminderMinutesBefore: 1.5 }, ['payload', 'reminderMinutesBefore']],
    ['a missing field', 'JournalCreated', { isPrivate: undefined }, ['payload', 'isPrivate']],
    ['an empty changedFields', 'ThoughtUpdated', { changedFields: [] }, ['payload', 'changedFields']],
    ['an end before the start', 'CalendarEventScheduled', { endsAt: '2025-03-20T17:00:00.000Z' }, ['payload', 'endsAt']],
    ['a non-integer word count', 'JournalEntryUpdated', { wordCount: 2.5 }, ['payload', 'wordCount']],
  ] as const)('rejects %s', (_name, eventType, change, path) => {
    const raw = asJson(sampleEvent(eventType));
    raw.payload = { ...(raw.payload as object), ...change };
    expect(contractError(() => parseEvent(raw)).path).toEqual(path);
  });

  it.each([
    ['eventId', 'not-a-uuid'],
    ['occurredAt', 'yesterday'],
    ['aggregateVersion', 0],
    ['causationId', undefined],
    ['aggregateType', 'task'],
    ['correlationId', ''],
  ])('names a bad envelope field: %s', (field, value) => {
    const raw = { ...asJson(sampleEvent('JournalCreated')), [field]: value };
    expect(contractError(() => parseEvent(raw)).path).toEqual([field]);
  });

  it('rejects an unknown event type and a version from the future', () => {
    const unknown = contractError(() => parseEvent({ ...asJson(sampleEvent('TaskCreated')), eventType: 'TaskExploded' }));
    expect(unknown.violation).toBe('unknown-event-type');
    expect(unknown.path).toEqual(['eventType']);

    const future = contractError(() => parseEvent({ ...asJson(sampleEvent('TaskCreated')), schemaVersion: 9 }));
    expect(future.violation).toBe('unsupported-schema-version');
    expect(future.path).toEqual(['schemaVersion']);
  });

  it('rejects what is not an object', () => {
    expect(contractError(() => parseEvent('TaskCreated')).path).toEqual([]);
  });

  it('treats a missing position as not yet logged', () => {
    const { position: _position, ...raw } = asJson(sampleEvent('TaskCompleted'));
    expect(parseEvent(raw).position).toBeNull();
  });
});

describe('newEvent', () => {
  const base = {
    eventId: '0b7e5c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b',
    occurredAt: '2025-03-14T09:26:53.589Z',
    source: 'command',
    correlationId: 'c-1',
    causationId: null,
    userId: sampleIds.user,
    aggregateVersion: 1,
  };

  it('fills in what the type determines', () => {
    const event = newEvent('MoodRecorded', { ...base, aggregateId: sampleIds.entry, payload: samplePayloads.MoodRecorded });
    expect(event).toMatchObject({ eventType: 'MoodRecorded', aggregateType: 'entry', schemaVersion: 1, position: null });
    expect(Object.keys(event)).toEqual([
      'eventId', 'eventType', 'schemaVersion', 'occurredAt', 'source', 'correlationId', 'causationId',
      'userId', 'aggregateType', 'aggregateId', 'aggregateVersion', 'position', 'payload',
    ]);
  });

  it('refuses an aggregateId that is not the payload’s', () => {
    const error = contractError(() =>
      newEvent('TaskCompleted', { ...base, aggregateId: sampleIds.entry, payload: samplePayloads.TaskCompleted }),
    );
    expect(error.path).toEqual(['aggregateId']);
  });

  it('validates the payload it is given', () => {
    const payload = { ...samplePayloads.UserRegistered, email: 'not an email' };
    expect(contractError(() => newEvent('UserRegistered', { ...base, aggregateId: sampleIds.user, payload })).path).toEqual([
      'payload',
      'email',
    ]);
  });
});
