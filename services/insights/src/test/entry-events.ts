import { randomUUID } from 'node:crypto';
import { newEvent, type AnyEvent } from '@mindflow/events';

/** Builds the entry events the command service would write, for one entry of one author. */
export function entryStory(options: { userId?: string; plan?: 'free' | 'premium' } = {}) {
  const userId = options.userId ?? randomUUID();
  const entryId = randomUUID();
  const journalId = randomUUID();
  let version = 0;
  const meta = () => ({
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'command',
    correlationId: `corr-${entryId}`,
    causationId: null,
    userId,
    aggregateId: entryId,
    aggregateVersion: ++version,
  });
  const state = (content: string) => ({
    journalId,
    title: 'A day',
    content,
    mood: null,
    tags: [],
    wordCount: content.split(/\s+/).filter(Boolean).length,
    weather: null,
    location: null,
    ...(options.plan ? { authorPlan: options.plan } : {}),
  });
  return {
    userId,
    entryId,
    created: (content: string): AnyEvent =>
      newEvent('JournalEntryCreated', { ...meta(), payload: { entryId, ...state(content), createdAt: new Date().toISOString() } }),
    updated: (content: string, changedFields: ('content' | 'mood')[] = ['content']): AnyEvent =>
      newEvent('JournalEntryUpdated', { ...meta(), payload: { entryId, ...state(content), changedFields, updatedAt: new Date().toISOString() } }),
    moodRecorded: (): AnyEvent => newEvent('MoodRecorded', { ...meta(), payload: { entryId, mood: 'GOOD', recordedAt: new Date().toISOString() } }),
    deleted: (): AnyEvent => newEvent('JournalEntryDeleted', { ...meta(), payload: { entryId, journalId, deletedAt: new Date().toISOString() } }),
  };
}
