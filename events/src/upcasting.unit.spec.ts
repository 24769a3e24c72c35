import { describe, expect, it } from 'vitest';
import { currentSchemaVersion } from './catalogue.js';
import { EventContractError } from './event-contract-error.js';
import { parseEvent } from './parse-event.js';
import { insightsAggregateId } from './insights-id.js';
import { fromKafkaMessage } from './serialization.js';
import { sampleIds } from './testing/sample-payloads.js';
import { upcasters } from './upcasting.js';

// A JournalEntryCreated exactly as the first producers wrote it (schemaVersion 1).
const v1Event = {
  eventId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  eventType: 'JournalEntryCreated',
  schemaVersion: 1,
  occurredAt: '2024-11-02T08:00:00.000Z',
  source: 'command',
  correlationId: 'corr-v1',
  causationId: null,
  userId: sampleIds.user,
  aggregateType: 'entry',
  aggregateId: sampleIds.entry,
  aggregateVersion: 1,
  position: null,
  payload: {
    entryId: sampleIds.entry,
    journalId: sampleIds.journal,
    title: null,
    content: '  Long day at work,\n but grateful for friends. ',
    mood: 'grateful',
    tags: 'work, gratitude,, work ',
    weather: null,
    location: 'Lisbon',
    createdAt: '2024-11-02T08:00:00.000Z',
  },
};

describe('upcasting JournalEntryCreated V1 → V2', () => {
  it('reads a V1 event as the current shape', () => {
    const event = parseEvent(v1Event);
    expect(event.schemaVersion).toBe(2);
    expect(event.schemaVersion).toBe(currentSchemaVersion('JournalEntryCreated'));
    expect(event.payload).toEqual({
      entryId: sampleIds.entry,
      journalId: sampleIds.journal,
      title: null,
      content: '  Long day at work,\n but grateful for friends. ',
      mood: 'GRATEFUL',
      tags: ['work', 'gratitude'],
      wordCount: 8,
      weather: null,
      location: 'Lisbon',
      createdAt: '2024-11-02T08:00:00.000Z',
    });
  });

  it('upcasts V1 messages read from Kafka', () => {
    const event = fromKafkaMessage({
      value: Buffer.from(JSON.stringify(v1Event)),
      headers: { 'event-type': Buffer.from('JournalEntryCreated'), 'schema-version': Buffer.from('1') },
    });
    expect(event.eventType === 'JournalEntryCreated' && event.payload.tags).toEqual(['work', 'gratitude']);
  });

  it('keeps a V1 without mood or tags empty', () => {
    const event = parseEvent({ ...v1Event, payload: { ...v1Event.payload, mood: null, tags: '', content: '' } });
    expect(event.payload).toMatchObject({ mood: null, tags: [], wordCount: 0 });
  });

  it('checks a V1 payload against the V1 shape and names the field', () => {
    const bad = { ...v1Event, payload: { ...v1Event.payload, mood: 'GRATEFUL' } };
    const read = () => parseEvent(bad);
    expect(read).toThrow(EventContractError);
    expect(read).toThrow(expect.objectContaining({ path: ['payload', 'mood'] }));
  });

  it('does not accept the V2 shape labelled as V1', () => {
    const mislabeled = { ...v1Event, payload: { ...v1Event.payload, tags: ['work'], mood: 'GRATEFUL', wordCount: 3 } };
    expect(() => parseEvent(mislabeled)).toThrow(EventContractError);
  });

  it('has one upcaster per (eventType, fromVersion)', () => {
    const steps = upcasters.map((u) => `${u.eventType}@${u.fromVersion}`);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps).toContain('JournalEntryCreated@1');
  });
});

describe('upcasting TaskCompleted / TaskReopened V1 → V2', () => {
  // As the first producers wrote them: no occurrence, i.e. about the whole (one-off) task.
  const v1 = (eventType: 'TaskCompleted' | 'TaskReopened', payload: Record<string, unknown>) => ({
    ...v1Event, eventType, aggregateType: 'task', aggregateId: sampleIds.task, aggregateVersion: 2, payload,
  });

  it('reads a V1 completion and reopening as about the whole task (occurrence null)', () => {
    const completed = parseEvent(v1('TaskCompleted', { taskId: sampleIds.task, completedAt: '2024-11-02T08:00:00.000Z' }));
    expect(completed.schemaVersion).toBe(2);
    expect(completed.payload).toEqual({ taskId: sampleIds.task, occurrence: null, completedAt: '2024-11-02T08:00:00.000Z' });
    const reopened = parseEvent(v1('TaskReopened', { taskId: sampleIds.task, reopenedAt: '2024-11-03T08:00:00.000Z' }));
    expect(reopened.payload).toEqual({ taskId: sampleIds.task, occurrence: null, reopenedAt: '2024-11-03T08:00:00.000Z' });
  });

  it('reads a V2 completion of one occurrence, and refuses a V2 without its occurrence', () => {
    const event = { ...v1('TaskCompleted', { taskId: sampleIds.task, occurrence: '2030-03-05', completedAt: '2024-11-02T08:00:00.000Z' }), schemaVersion: 2 };
    expect(parseEvent(event).payload).toMatchObject({ occurrence: '2030-03-05' });
    const missing = { ...event, payload: { taskId: sampleIds.task, completedAt: '2024-11-02T08:00:00.000Z' } };
    expect(() => parseEvent(missing)).toThrow(expect.objectContaining({ path: ['payload', 'occurrence'] }));
  });

  it('checks a V1 payload against the V1 shape', () => {
    expect(() => parseEvent(v1('TaskCompleted', { taskId: sampleIds.task }))).toThrow(expect.objectContaining({ path: ['payload', 'completedAt'] }));
  });
});

describe('upcasting AIInsightsGenerated V1 → V2', () => {
  // As the insights service wrote them before `analysed`: local-analyzer@2 said "not analysed" only in words.
  const v1 = (payload: Record<string, unknown>) => ({
    ...v1Event, eventType: 'AIInsightsGenerated', source: 'insights', aggregateType: 'insights',
    aggregateId: insightsAggregateId(sampleIds.entry), payload: { entryId: sampleIds.entry, themes: [], suggestions: [], generatedAt: '2024-11-02T08:05:00.000Z', entryVersion: 1, ...payload },
  });
  const notAnalysed = { sentiment: 0, summary: 'Not analysed: the local analysis reads English only.', generatedBy: 'local-analyzer@2' };

  it('reads local-analyzer@2\'s "Not analysed" result as analysed: false, its sentiment kept', () => {
    const event = parseEvent(v1(notAnalysed));
    expect(event.schemaVersion).toBe(2);
    expect(event.schemaVersion).toBe(currentSchemaVersion('AIInsightsGenerated'));
    expect(event.payload).toEqual({ entryId: sampleIds.entry, ...notAnalysed, themes: [], suggestions: [], generatedAt: '2024-11-02T08:05:00.000Z', entryVersion: 1, analysed: false });
  });

  it('reads every other V1 analysis as analysed, a neutral 0 included', () => {
    const neutral = parseEvent(v1({ sentiment: 0, summary: 'A short neutral entry.', generatedBy: 'local-analyzer@2' }));
    expect(neutral.payload).toMatchObject({ sentiment: 0, analysed: true });
    const claude = parseEvent(v1({ ...notAnalysed, generatedBy: 'claude-sonnet-4-5' }));
    expect(claude.payload).toMatchObject({ analysed: true });
    const older = parseEvent(v1({ sentiment: 0.4, summary: 'A positive entry.', generatedBy: 'local-analyzer@1' }));
    expect(older.payload).toMatchObject({ sentiment: 0.4, analysed: true });
  });

  it('reads a V2 event as written, and refuses a V2 without analysed', () => {
    const event = { ...v1({ ...notAnalysed, analysed: false }), schemaVersion: 2 };
    expect(parseEvent(event).payload).toMatchObject({ analysed: false });
    const missing = { ...v1(notAnalysed), schemaVersion: 2 };
    expect(() => parseEvent(missing)).toThrow(expect.objectContaining({ path: ['payload', 'analysed'] }));
  });
});

describe('upcasting TaskCreated / TaskUpdated V1 → V2 (the reminder)', () => {
  // As the producers wrote them before issue 14: no remindAt, no reminderMinutesBefore.
  const plan = { title: 'Book dentist', description: null, date: '2025-03-18', dueTime: '09:30', priority: 'HIGH', category: 'health', recurrence: null };
  const v1 = (eventType: 'TaskCreated' | 'TaskUpdated', payload: Record<string, unknown>, aggregateVersion = 1) => ({
    ...v1Event, eventType, aggregateType: 'task', aggregateId: sampleIds.task, aggregateVersion, payload: { taskId: sampleIds.task, ...plan, ...payload },
  });
  const updated = { completed: false, completedAt: null, changedFields: ['dueTime'], updatedAt: '2024-11-03T08:00:00.000Z' };

  it('reads a V1 creation and update as having no reminder', () => {
    const created = parseEvent(v1('TaskCreated', { createdAt: '2024-11-02T08:00:00.000Z' }));
    expect(created.schemaVersion).toBe(currentSchemaVersion('TaskCreated'));
    expect(created.payload).toEqual({ taskId: sampleIds.task, ...plan, remindAt: null, reminderMinutesBefore: null, createdAt: '2024-11-02T08:00:00.000Z' });
    const update = parseEvent(v1('TaskUpdated', updated, 2));
    expect(update.schemaVersion).toBe(2);
    expect(update.payload).toEqual({ taskId: sampleIds.task, ...plan, ...updated, remindAt: null, reminderMinutesBefore: null });
  });

  it('reads a V2 reminder as written, and refuses a V2 without its reminder fields', () => {
    const reminder = { remindAt: '2025-03-18T08:00:00.000Z', reminderMinutesBefore: 15 };
    const event = { ...v1('TaskUpdated', { ...updated, ...reminder, changedFields: ['remindAt', 'reminderMinutesBefore'] }, 2), schemaVersion: 2 };
    expect(parseEvent(event).payload).toMatchObject({ ...reminder, changedFields: ['remindAt', 'reminderMinutesBefore'] });
    const missing = { ...v1('TaskCreated', { createdAt: '2024-11-02T08:00:00.000Z', remindAt: null }), schemaVersion: 2 };
    expect(() => parseEvent(missing)).toThrow(expect.objectContaining({ path: ['payload', 'reminderMinutesBefore'] }));
  });

  it('checks a V1 payload against the V1 shape: a reminder field name is not a V1 changed field', () => {
    const bad = v1('TaskUpdated', { ...updated, changedFields: ['remindAt'] }, 2);
    expect(() => parseEvent(bad)).toThrow(expect.objectContaining({ path: ['payload', 'changedFields', 0] }));
  });
});

describe('upcasting JournalEntryUpdated V1 → V2 (redating)', () => {
  // As the first producers wrote it: no createdAt, the entry kept its date.
  const v1Payload = {
    entryId: sampleIds.entry, journalId: sampleIds.journal, title: 'Harbour', content: 'Calm sea', mood: 'CALM', tags: ['sea'],
    wordCount: 2, weather: null, location: null, changedFields: ['content'], updatedAt: '2024-11-03T08:00:00.000Z',
  };
  const v1 = { ...v1Event, eventType: 'JournalEntryUpdated', aggregateVersion: 2, payload: v1Payload };

  it('reads a V1 update as one that kept the entry\'s date', () => {
    const event = parseEvent(v1);
    expect(event.schemaVersion).toBe(2);
    expect(event.payload).toEqual(v1Payload);
    expect(event.payload).not.toHaveProperty('createdAt');
  });

  it('reads a V2 redating, and refuses `createdAt` among a V1 update\'s changed fields', () => {
    const redated = { ...v1, schemaVersion: 2, payload: { ...v1Payload, createdAt: '2024-10-30T12:00:00.000Z', changedFields: ['createdAt'] } };
    expect(parseEvent(redated).payload).toMatchObject({ createdAt: '2024-10-30T12:00:00.000Z', changedFields: ['createdAt'] });
    expect(() => parseEvent({ ...v1, payload: { ...v1Payload, changedFields: ['createdAt'] } }))
      .toThrow(expect.objectContaining({ path: ['payload', 'changedFields', 0] }));
  });
});
