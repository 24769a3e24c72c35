import type { EventType, PayloadOf } from '../catalogue.js';

// A valid payload for every event type, for tests here and in consumers (`@mindflow/events/testing`).
// Typed as a complete map, so adding an event type without a sample does not compile.

const at = '2025-03-14T09:26:53.589Z';
export const sampleIds = {
  user: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  journal: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  entry: '2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6e',
  thought: '3d4e5f60-7182-4c9d-8ebf-2a3b4c5d6e7f',
  task: '4e5f6071-8293-4dae-9fc0-3b4c5d6e7f80',
  calendarEvent: '5f607182-93a4-4ebf-80d1-4c5d6e7f8091',
  tag: '60718293-a4b5-4fc0-91e2-5d6e7f8091a2',
  notification: '718293a4-b5c6-4d01-a2f3-6e7f8091a2b3',
  weeklyReflection: '8293a4b5-c6d7-4e12-b304-7f8091a2b3c4',
  webhook: '93a4b5c6-d7e8-4f23-8415-8091a2b3c4d5',
} as const;

const entryState = {
  journalId: sampleIds.journal,
  title: 'A good Tuesday',
  content: 'Walked by the river and felt calm.',
  mood: 'CALM',
  tags: ['walk', 'gratitude'],
  wordCount: 7,
  weather: 'sunny',
  location: null,
} as const;

const taskPlan = {
  title: 'Book dentist',
  description: null,
  date: '2025-03-18',
  dueTime: '09:30',
  priority: 'HIGH',
  category: 'health',
  recurrence: 'FREQ=YEARLY',
  remindAt: null,
  reminderMinutesBefore: 30,
} as const;

const calendarEventState = {
  title: 'Yoga',
  startsAt: '2025-03-20T18:00:00.000Z',
  endsAt: '2025-03-20T19:00:00.000Z',
  recurrence: 'RRULE:FREQ=WEEKLY;BYDAY=TH',
} as const;

export const samplePayloads: { readonly [T in EventType]: PayloadOf<T> } = {
  UserRegistered: { userId: sampleIds.user, email: 'ada@example.com', name: 'Ada', roles: ['user'], registeredAt: at },
  UserLoggedIn: { userId: sampleIds.user, at },
  UserErasureRequested: { userId: sampleIds.user, requestedAt: at, attempt: 1, services: ['command', 'query'] },
  UserDataErased: { userId: sampleIds.user, service: 'query', attempt: 1, erasedAt: at, erased: { entries_view: 2 } },
  JournalCreated: { journalId: sampleIds.journal, name: 'Daily', description: null, color: '#3366ff', icon: 'book', isPrivate: true, createdAt: at },
  JournalUpdated: { journalId: sampleIds.journal, name: 'Daily notes', description: 'Every day', color: null, icon: null, isPrivate: false, changedFields: ['name', 'description'], updatedAt: at },
  JournalDeleted: { journalId: sampleIds.journal, deletedAt: at },
  JournalEntryCreated: { entryId: sampleIds.entry, ...entryState, tags: [...entryState.tags], createdAt: at },
  JournalEntryUpdated: { entryId: sampleIds.entry, ...entryState, tags: ['walk'], changedFields: ['tags'], updatedAt: at },
  JournalEntryDeleted: { entryId: sampleIds.entry, journalId: sampleIds.journal, deletedAt: at },
  MoodRecorded: { entryId: sampleIds.entry, mood: 'GRATEFUL', recordedAt: at },
  TagCreated: { tagId: sampleIds.tag, userId: sampleIds.user, tag: 'gratitude', createdAt: at },
  ThoughtCaptured: { thoughtId: sampleIds.thought, text: 'Call mum', tags: ['family'], capturedAt: at },
  ThoughtUpdated: { thoughtId: sampleIds.thought, text: 'Call mum on Sunday', tags: ['family'], changedFields: ['text'], updatedAt: at },
  ThoughtDeleted: { thoughtId: sampleIds.thought, deletedAt: at },
  TaskCreated: { taskId: sampleIds.task, ...taskPlan, createdAt: at },
  TaskUpdated: { taskId: sampleIds.task, ...taskPlan, priority: 'URGENT', completed: false, completedAt: null, changedFields: ['priority'], updatedAt: at },
  TaskCompleted: { taskId: sampleIds.task, occurrence: null, completedAt: at },
  TaskReopened: { taskId: sampleIds.task, occurrence: null, reopenedAt: at },
  TaskDeleted: { taskId: sampleIds.task, deletedAt: at },
  CalendarEventScheduled: { calendarEventId: sampleIds.calendarEvent, ...calendarEventState, scheduledAt: at },
  CalendarEventUpdated: { calendarEventId: sampleIds.calendarEvent, ...calendarEventState, title: 'Hot yoga', changedFields: ['title'], updatedAt: at },
  CalendarEventCancelled: { calendarEventId: sampleIds.calendarEvent, cancelledAt: at },
  AIInsightsGenerated: {
    entryId: sampleIds.entry,
    sentiment: 0.6,
    analysed: true,
    themes: ['nature', 'calm'],
    summary: 'A quiet, restorative walk.',
    suggestions: ['Walk again this week.'],
    generatedBy: 'local-analyzer@1',
    generatedAt: at,
    entryVersion: 1,
  },
  AIInsightsFailed: { entryId: sampleIds.entry, reason: 'timeout', attempts: 3, entryVersion: 1, failedAt: at },
  NotificationCreated: {
    notificationId: sampleIds.notification,
    userId: sampleIds.user,
    kind: 'TASK_DUE',
    title: 'Water the plants',
    body: 'Due at 09:00',
    subjectType: 'Task',
    subjectId: sampleIds.task,
    channels: ['EMAIL', 'WEBHOOK'],
    createdAt: at,
  },
  NotificationSent: { notificationId: sampleIds.notification, userId: sampleIds.user, channel: 'EMAIL', targetId: null, attempts: 1, sentAt: at },
  NotificationFailed: {
    notificationId: sampleIds.notification,
    userId: sampleIds.user,
    channel: 'WEBHOOK',
    targetId: sampleIds.webhook,
    attempts: 8,
    reason: 'HTTP 500',
    webhookDisabled: true,
    failedAt: at,
  },
  WeeklyReflectionGenerated: {
    reflectionId: sampleIds.weeklyReflection,
    userId: sampleIds.user,
    weekStart: '2025-03-10',
    entryCount: 4,
    themes: ['walks', 'work'],
    summary: 'A calm week with a busy Thursday.',
    highlightEntryIds: [sampleIds.entry],
    generatedBy: 'local-analyzer@2',
    generatedAt: at,
  },
};
