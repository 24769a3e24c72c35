import { describe, expect, it } from 'vitest';
import { decideFiring, nextTaskFiring } from './firing.js';
import type { DueFiring, FiringPreferences } from './ports/schedule-store.js';

const userId = '0b7a4c1e-2f4d-4a43-9b6e-1f3f0c2d9a11';
const taskId = '5e0c9a2b-7d3f-4b1a-8c6e-2a9f1d3b4c55';
const hookA = '9f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const hookB = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const now = new Date('2026-03-10T09:00:00Z');

const task = (overrides: Partial<DueFiring> = {}): DueFiring => ({
  key: `task:${taskId}`,
  userId,
  kind: 'TASK_DUE',
  subjectId: taskId,
  occurrence: '2026-03-10',
  fireAt: now,
  preferences: null,
  hasEmail: true,
  webhooks: [],
  task: { taskId, title: 'Pay rent', date: '2026-03-10', dueTime: '09:15', recurrence: null, remindAt: null, minutesBefore: 15, completed: false, completedOccurrences: [] },
  ...overrides,
});

const prefs = (overrides: Partial<FiringPreferences> = {}): FiringPreferences => ({
  timeZone: 'UTC', quietStart: null, quietEnd: null, journalPromptAt: null, weeklyReflectionOn: null, channels: {}, emailUnsubscribed: false, ...overrides,
});

describe('decideFiring', () => {
  it('given a task reminder with no preferences, fires "<title>" / "Due at HH:MM" on IN_APP + EMAIL, keyed key@occurrence, and the row goes', () => {
    const firing = decideFiring(task(), now, 'n1', nextTaskFiring);
    expect(firing.notification).toMatchObject({ id: 'n1', title: 'Pay rent', body: 'Due at 09:15', subjectType: 'Task', subjectId: taskId, dedupeKey: `task:${taskId}@2026-03-10` });
    expect(firing.channels).toEqual(['EMAIL']);
    expect(firing.next).toBeNull();
  });

  it('inside quiet hours (wrapping midnight, in the user\'s zone), only IN_APP: no email, no webhook', () => {
    const due = task({ preferences: prefs({ timeZone: 'Asia/Tokyo', quietStart: '17:00', quietEnd: '08:00' }), webhooks: [{ id: hookA, kinds: ['TASK_DUE'] }] });
    // 09:00 UTC is 18:00 in Tokyo
    expect(decideFiring(due, now, 'n1', nextTaskFiring).channels).toEqual([]);
    expect(decideFiring({ ...due, preferences: prefs({ timeZone: 'UTC', quietStart: '17:00', quietEnd: '08:00' }) }, now, 'n1', nextTaskFiring).channels).toEqual(['EMAIL', 'WEBHOOK']);
  });

  it('sends webhooks subscribed to the kind, email only with an address and without the unsubscribe, as the user chose', () => {
    const hooks = [{ id: hookA, kinds: ['TASK_DUE'] }, { id: hookB, kinds: ['JOURNAL_PROMPT'] }];
    expect(decideFiring(task({ webhooks: hooks }), now, 'n1', nextTaskFiring)).toMatchObject({ channels: ['EMAIL', 'WEBHOOK'], webhookIds: [hookA] });
    expect(decideFiring(task({ hasEmail: false }), now, 'n1', nextTaskFiring).channels).toEqual([]);
    expect(decideFiring(task({ preferences: prefs({ emailUnsubscribed: true }) }), now, 'n1', nextTaskFiring).channels).toEqual([]);
    expect(decideFiring(task({ webhooks: hooks, preferences: prefs({ channels: { TASK_DUE: ['IN_APP'] } }) }), now, 'n1', nextTaskFiring).channels).toEqual([]);
  });

  it('moves a daily prompt to the same local time the next day, across a DST change', () => {
    // New York springs forward on 2026-03-08: 20:00 local is 01:00Z on the 7th/8th, then 00:00Z.
    const due: DueFiring = {
      ...task(), key: `prompt:${userId}`, kind: 'JOURNAL_PROMPT', subjectId: null, occurrence: '2026-03-07', fireAt: new Date('2026-03-08T01:00:00Z'),
      preferences: prefs({ timeZone: 'America/New_York', journalPromptAt: '20:00' }), task: null,
    };
    const firing = decideFiring(due, due.fireAt, 'n2', nextTaskFiring);
    expect(firing.notification).toMatchObject({ kind: 'JOURNAL_PROMPT', subjectType: null, dedupeKey: `prompt:${userId}@2026-03-07` });
    expect(firing.next).toEqual({ fireAt: new Date('2026-03-09T00:00:00Z'), occurrence: '2026-03-08' });
  });

  it('moves a weekly reflection a week on, a recurring task to its next occurrence, and says the date when a task is due another day', () => {
    const tuesdayEvening = new Date('2026-03-10T18:00:00Z');
    const weekly: DueFiring = { ...task(), key: `weekly:${userId}`, kind: 'WEEKLY_REFLECTION', subjectId: null, fireAt: tuesdayEvening, task: null, preferences: prefs({ weeklyReflectionOn: 2 }) };
    expect(decideFiring(weekly, tuesdayEvening, 'n3', nextTaskFiring).next).toEqual({ fireAt: new Date('2026-03-17T18:00:00Z'), occurrence: '2026-03-17' });
    const daily = task({ task: { ...task().task!, recurrence: 'FREQ=DAILY' } });
    expect(decideFiring(daily, now, 'n5', nextTaskFiring).next).toEqual({ fireAt: new Date('2026-03-11T09:00:00Z'), occurrence: '2026-03-11' });
    expect(decideFiring(task({ occurrence: '2026-03-11' }), now, 'n4', nextTaskFiring).notification.body).toBe('Due 2026-03-11 at 09:15');
  });

  it('a scheduler that was down catches up once: the next fire time is after now, not after the missed one', () => {
    const daily = task({ task: { ...task().task!, recurrence: 'FREQ=DAILY' } });
    const threeDaysLate = new Date('2026-03-13T10:00:00Z');
    expect(decideFiring(daily, threeDaysLate, 'n6', nextTaskFiring).next).toEqual({ fireAt: new Date('2026-03-14T09:00:00Z'), occurrence: '2026-03-14' });
  });
});
