import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AnyEvent, EventEnvelope } from './envelope.js';
import type { EventType, PayloadOf } from './catalogue.js';
import { sampleEvent } from './testing/sample-event.js';
import type { Mood, Priority } from './vocabulary.js';

// These tests are mostly about types: `build` type-checks this file, so a broken narrowing fails the build.

function describeEvent(event: AnyEvent): string {
  switch (event.eventType) {
    case 'JournalEntryCreated':
      expectTypeOf(event.payload.tags).toEqualTypeOf<string[]>();
      expectTypeOf(event.payload.mood).toEqualTypeOf<Mood | null>();
      expectTypeOf(event.aggregateType).toEqualTypeOf<'entry'>();
      return `entry ${event.payload.entryId} (${event.payload.wordCount} words)`;
    case 'TaskCreated':
      expectTypeOf(event.payload.priority).toEqualTypeOf<Priority>();
      return `task ${event.payload.title} on ${event.payload.date}`;
    case 'AIInsightsGenerated':
      return `insights ${event.payload.sentiment}`;
    default:
      return event.eventType;
  }
}

/** A `never` branch: adding an event type without handling it here would not compile. */
function aggregateLabel(event: AnyEvent): string {
  switch (event.aggregateType) {
    case 'user':
    case 'journal':
    case 'entry':
    case 'thought':
    case 'task':
    case 'calendarEvent':
    case 'tag':
    case 'insights':
    case 'notification':
    case 'weeklyReflection':
    case 'attachment':
      return event.aggregateType;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

describe('narrowing', () => {
  it('narrows the payload by eventType', () => {
    expect(describeEvent(sampleEvent('JournalEntryCreated'))).toBe('entry 2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e (7 words)');
    expect(describeEvent(sampleEvent('TaskCreated'))).toBe('task Book dentist on 2025-03-18');
    expect(aggregateLabel(sampleEvent('MoodRecorded'))).toBe('entry');
  });

  it('types a single-type envelope and payload', () => {
    expectTypeOf<EventEnvelope<'MoodRecorded'>['payload']>().toEqualTypeOf<PayloadOf<'MoodRecorded'>>();
    expectTypeOf<EventEnvelope<'MoodRecorded' | 'TaskDeleted'>['eventType']>().toEqualTypeOf<'MoodRecorded' | 'TaskDeleted'>();
    expectTypeOf<Extract<AnyEvent, { eventType: 'TaskDeleted' }>['payload']>().toEqualTypeOf<{ taskId: string; deletedAt: string }>();
    expectTypeOf<AnyEvent['eventType']>().toEqualTypeOf<EventType>();
    // @ts-expect-error a TaskDeleted carries no title
    expectTypeOf<EventEnvelope<'TaskDeleted'>['payload']['title']>();
  });
});
