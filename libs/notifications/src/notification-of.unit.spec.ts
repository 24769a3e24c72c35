import { eventTypes, insightsAggregateId } from '@mindflow/events';
import { sampleEvent, sampleIds } from '@mindflow/events/testing';
import { describe, expect, it } from 'vitest';
import { consistencyTokenOf, parseNotification } from './notification.js';
import { notificationOf, notifiedEventTypes } from './notification-of.js';

describe('notificationOf', () => {
  it('turns an entry event into a compact notification about the entry, without its content', () => {
    const event = sampleEvent('JournalEntryCreated', { aggregateVersion: 1 });
    const notification = notificationOf(event);
    expect(notification).toEqual({
      subject: 'entry',
      kind: 'CREATED',
      subjectId: sampleIds.entry,
      eventId: event.eventId,
      eventType: 'JournalEntryCreated',
      userId: sampleIds.user,
      aggregateId: sampleIds.entry,
      aggregateVersion: 1,
      occurredAt: event.occurredAt,
    });
    expect(JSON.stringify(notification)).not.toContain(event.payload.content);
  });

  it.each([
    ['JournalEntryUpdated', 'entry', 'UPDATED'],
    ['MoodRecorded', 'entry', 'UPDATED'],
    ['JournalEntryDeleted', 'entry', 'DELETED'],
    ['TaskCreated', 'task', 'CREATED'],
    ['TaskUpdated', 'task', 'UPDATED'],
    ['TaskCompleted', 'task', 'COMPLETED'],
    ['TaskReopened', 'task', 'REOPENED'],
    ['TaskDeleted', 'task', 'DELETED'],
    ['ThoughtCaptured', 'thought', 'CREATED'],
    ['ThoughtUpdated', 'thought', 'UPDATED'],
    ['ThoughtDeleted', 'thought', 'DELETED'],
  ] as const)('%s is a %s %s', (eventType, subject, kind) => {
    const event = sampleEvent(eventType, { aggregateVersion: 3 });
    expect(notificationOf(event)).toMatchObject({ subject, kind, subjectId: event.aggregateId, aggregateVersion: 3 });
  });

  it('names the thought as the subject of its changes, without its text', () => {
    const event = sampleEvent('ThoughtCaptured', { aggregateVersion: 1 });
    const notification = notificationOf(event)!;
    expect(notification).toMatchObject({ subject: 'thought', kind: 'CREATED', subjectId: event.payload.thoughtId, userId: sampleIds.user });
    expect(JSON.stringify(notification)).not.toContain(event.payload.text);
    expect(parseNotification(JSON.stringify(notification))).toEqual(notification);
  });

  it('names the entry as the subject of its insights, and keeps the insights aggregate for consistency', () => {
    const event = sampleEvent('AIInsightsGenerated', { aggregateVersion: 2 });
    const notification = notificationOf(event)!;
    expect(notification).toMatchObject({ subject: 'insights', kind: 'GENERATED', subjectId: sampleIds.entry });
    expect(notification.aggregateId).toBe(insightsAggregateId(sampleIds.entry));
    expect(Buffer.from(consistencyTokenOf(notification), 'base64url').toString()).toBe(`insights:${insightsAggregateId(sampleIds.entry)}:2`);
  });

  it('names a new notification of the notification centre as its own subject', () => {
    const event = sampleEvent('NotificationCreated', { aggregateVersion: 1 });
    const notification = notificationOf(event)!;
    expect(notification).toMatchObject({ subject: 'notification', kind: 'CREATED', subjectId: event.payload.notificationId, aggregateVersion: 1 });
    expect(JSON.stringify(notification)).not.toContain(event.payload.title);
    expect(parseNotification(JSON.stringify(notification))).toEqual(notification);
  });

  it('ignores what no subscription is about', () => {
    for (const eventType of ['UserRegistered', 'JournalCreated', 'TagCreated', 'AIInsightsFailed', 'CalendarEventScheduled', 'NotificationSent', 'WeeklyReflectionGenerated'] as const) {
      expect(notificationOf(sampleEvent(eventType))).toBeUndefined();
    }
  });

  it('subscribes to exactly the event types that become notifications', () => {
    for (const eventType of eventTypes) {
      expect(notifiedEventTypes.includes(eventType)).toBe(notificationOf(sampleEvent(eventType)) !== undefined);
    }
  });

  it('round-trips through the wire format and refuses anything else', () => {
    const notification = notificationOf(sampleEvent('TaskCompleted'))!;
    expect(parseNotification(JSON.stringify(notification))).toEqual(notification);
    expect(parseNotification('not json')).toBeUndefined();
    expect(parseNotification(JSON.stringify({ ...notification, kind: 'EXPLODED' }))).toBeUndefined();
    expect(parseNotification(JSON.stringify({ ...notification, subject: 'entry', kind: 'COMPLETED' }))).toBeUndefined();
  });
});
