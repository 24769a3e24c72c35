import { describe, expect, it } from 'vitest';
import { allTopics, topicFor, topicForAggregate } from './topics.js';

describe('topics', () => {
  it('puts every event of an aggregate on that aggregate type’s topic', () => {
    expect(topicFor('JournalEntryCreated')).toBe('mindflow.entry');
    expect(topicFor('MoodRecorded')).toBe('mindflow.entry');
    expect(topicFor('TaskReopened', 'test-42')).toBe('test-42.task');
    expect(topicFor('CalendarEventScheduled')).toBe('mindflow.calendarEvent');
    expect(topicForAggregate('insights', 'x')).toBe('x.insights');
    expect(topicFor('InsightsSettingChanged')).toBe('mindflow.insights');
  });

  it('lists one topic per aggregate type', () => {
    expect(allTopics('p')).toEqual(['p.user', 'p.journal', 'p.entry', 'p.thought', 'p.task', 'p.calendarEvent', 'p.tag', 'p.insights', 'p.notification', 'p.weeklyReflection', 'p.attachment']);
    expect(allTopics()).toContain('mindflow.journal');
  });

  it('refuses a prefix Kafka would refuse', () => {
    expect(() => topicFor('TaskCreated', 'my prefix')).toThrow(/illegal Kafka topic name/);
  });
});
