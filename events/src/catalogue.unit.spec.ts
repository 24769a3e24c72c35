import { describe, expect, it } from 'vitest';
import { aggregateTypeOf, aggregateTypes, currentSchemaVersion, eventTypes, eventTypesOf, isEventType } from './catalogue.js';

describe('the catalogue', () => {
  it('holds exactly the published event types', () => {
    expect([...eventTypes].sort()).toEqual(
      [
        'UserRegistered', 'UserLoggedIn', 'UserErasureRequested', 'UserDataErased',
        'JournalCreated', 'JournalUpdated', 'JournalDeleted',
        'JournalEntryCreated', 'JournalEntryUpdated', 'JournalEntryDeleted', 'MoodRecorded',
        'TagCreated',
        'ThoughtCaptured', 'ThoughtUpdated', 'ThoughtDeleted',
        'TaskCreated', 'TaskUpdated', 'TaskCompleted', 'TaskReopened', 'TaskDeleted',
        'CalendarEventScheduled', 'CalendarEventUpdated', 'CalendarEventCancelled',
        'AIInsightsGenerated', 'AIInsightsFailed', 'InsightsSettingChanged',
        'NotificationCreated', 'NotificationSent', 'NotificationFailed',
        'WeeklyReflectionGenerated',
        'AttachmentAdded', 'AttachmentRemoved',
      ].sort(),
    );
  });

  it('files every event type under one aggregate type', () => {
    expect(aggregateTypes).toEqual(['user', 'journal', 'entry', 'thought', 'task', 'calendarEvent', 'tag', 'insights', 'notification', 'weeklyReflection', 'attachment']);
    expect(aggregateTypeOf('MoodRecorded')).toBe('entry');
    expect(aggregateTypeOf('JournalEntryUpdated')).toBe('entry');
    expect(aggregateTypeOf('JournalDeleted')).toBe('journal');
    expect(aggregateTypeOf('AIInsightsFailed')).toBe('insights');
    expect(aggregateTypeOf('InsightsSettingChanged')).toBe('insights');
    expect(aggregateTypeOf('CalendarEventCancelled')).toBe('calendarEvent');
    expect(aggregateTypes.flatMap((a) => eventTypesOf(a)).sort()).toEqual([...eventTypes].sort());
    expect(eventTypesOf('entry')).toEqual(['JournalEntryCreated', 'JournalEntryUpdated', 'JournalEntryDeleted', 'MoodRecorded']);
  });

  it('knows the current schema version of each type', () => {
    expect(currentSchemaVersion('JournalEntryCreated')).toBe(2);
    expect(currentSchemaVersion('TaskCreated')).toBe(2);
    expect(currentSchemaVersion('TaskUpdated')).toBe(2);
    expect(currentSchemaVersion('TaskCompleted')).toBe(2);
    expect(currentSchemaVersion('TaskReopened')).toBe(2);
  });

  it('tells event types from other strings', () => {
    expect(isEventType('TaskCreated')).toBe(true);
    expect(isEventType('TaskCreatedd')).toBe(false);
    expect(isEventType(42)).toBe(false);
  });
});
