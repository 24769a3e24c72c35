import { randomUUID } from 'node:crypto';
import { withTransaction } from '@mindflow/db';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent, samplePayloads } from '@mindflow/events/testing';
import { embeddedProjection, type EmbeddedProjection } from '@mindflow/event-log/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockUserSchedule, rescheduleUser } from '../adapters/pg/task-schedule.js';
import { reflectionEntries } from './reflection-entries.js';
import { notificationsProjection, startNotificationsProjector, type RunningNotificationsProjector } from './notifications-projector.js';

// The notifications projection on the embedded event log over real Postgres (docs/CONVENTIONS.md, "Adding a read
// model", step 4): events in, rows out; redelivery applies nothing; a replay gives the same tables.

let projection: EmbeddedProjection<RunningNotificationsProjector>;
beforeAll(async () => {
  projection = await embeddedProjection('notifications_projection', {
    projection: notificationsProjection,
    start: (config, { log, metrics }) =>
      startNotificationsProjector(
        { MINDFLOW_MODE: 'embedded', WRITE_DATABASE_URL: config.WRITE_DATABASE_URL, NOTIFICATIONS_DATABASE_URL: config.READ_DATABASE_URL },
        { log, metrics, startWorkers: false, workers: {} },
      ),
  });
});
afterAll(async () => projection?.close());

const utcUser = randomUUID();
const berlinUser = randomUUID();
/** Every event happens on 1 March 2030, before every reminder below. */
const occurredAt = '2030-03-01T00:00:00.000Z';
const versions = new Map<string, number>();
/** The aggregate's next event, by `userId`, versions counted per aggregate. */
const fact = (event: AnyEvent, userId: string): AnyEvent => {
  const version = (versions.get(event.aggregateId) ?? 0) + 1;
  versions.set(event.aggregateId, version);
  return { ...event, eventId: randomUUID(), aggregateVersion: version, userId, occurredAt };
};

interface Plan {
  date: string;
  dueTime: string | null;
  recurrence: string | null;
  remindAt: string | null;
  reminderMinutesBefore: number | null;
}
const plan = (overrides: Partial<Plan>): Plan => ({ date: '2030-03-10', dueTime: '09:00', recurrence: null, remindAt: null, reminderMinutesBefore: null, ...overrides });
// The reminder fields are spread in (not written in the literal): the payload types gain them with the task V2 events.
const taskCreated = (taskId: string, userId: string, fields: Plan) =>
  fact(sampleEvent('TaskCreated', { payload: { ...samplePayloads.TaskCreated, ...fields, taskId, title: `task ${taskId.slice(0, 4)}`, createdAt: occurredAt } }), userId);
const taskUpdated = (taskId: string, userId: string, fields: Plan, completed = false) =>
  fact(sampleEvent('TaskUpdated', {
    payload: { ...samplePayloads.TaskUpdated, ...fields, taskId, title: `task ${taskId.slice(0, 4)}`, completed, completedAt: completed ? occurredAt : null, changedFields: ['date'], updatedAt: occurredAt },
  }), userId);
const taskCompleted = (taskId: string, userId: string, occurrence: string | null) =>
  fact(sampleEvent('TaskCompleted', { payload: { taskId, occurrence, completedAt: occurredAt } }), userId);
const taskReopened = (taskId: string, userId: string, occurrence: string | null) =>
  fact(sampleEvent('TaskReopened', { payload: { taskId, occurrence, reopenedAt: occurredAt } }), userId);
const taskDeleted = (taskId: string, userId: string) => fact(sampleEvent('TaskDeleted', { payload: { taskId, deletedAt: occurredAt } }), userId);

interface ScheduleRow {
  key: string;
  user_id: string;
  kind: string;
  subject_id: string | null;
  occurrence: string;
  fire_at: Date;
}
const scheduleOf = async (key: string) =>
  (await projection.read.query<ScheduleRow>('SELECT key, user_id, kind, subject_id, occurrence, fire_at FROM scheduled_notifications WHERE key = $1', [key])).rows[0];
const fireOf = async (key: string) => {
  const row = await scheduleOf(key);
  return row && { occurrence: row.occurrence, fireAt: row.fire_at.toISOString() };
};
const reminderOf = async (taskId: string) =>
  (await projection.read.query<{ completed: boolean; completed_occurrences: string[] }>(
    'SELECT completed, completed_occurrences::text[] AS completed_occurrences FROM task_reminders WHERE task_id = $1', [taskId],
  )).rows[0];

describe('notification_recipients', () => {
  it('keeps each registered user’s address', async () => {
    await projection.append([
      fact(sampleEvent('UserRegistered', { payload: { ...samplePayloads.UserRegistered, userId: utcUser, email: 'utc@example.com', name: 'Uta', registeredAt: occurredAt } }), utcUser),
      fact(sampleEvent('UserRegistered', { payload: { ...samplePayloads.UserRegistered, userId: berlinUser, email: 'berlin@example.com', name: null, registeredAt: occurredAt } }), berlinUser),
    ]);
    await projection.caughtUp();
    const { rows } = await projection.read.query('SELECT user_id, email, display_name FROM notification_recipients WHERE user_id = ANY($1) ORDER BY email', [[utcUser, berlinUser]]);
    expect(rows).toEqual([
      { user_id: berlinUser, email: 'berlin@example.com', display_name: null },
      { user_id: utcUser, email: 'utc@example.com', display_name: 'Uta' },
    ]);
  });
});

describe('task_reminders and the task rows of scheduled_notifications', () => {
  const [beforeDue, noReminder, oneOff, recurring, moved, doomed] = Array.from({ length: 6 }, () => randomUUID()) as [string, string, string, string, string, string];

  it('schedules a task’s reminder (minutes before its date + dueTime, UTC without preferences) and nothing without one', async () => {
    await projection.append([
      taskCreated(beforeDue, utcUser, plan({ reminderMinutesBefore: 30 })),
      taskCreated(noReminder, utcUser, plan({})),
      taskCreated(oneOff, utcUser, plan({ remindAt: '2030-03-05T12:00:00.000Z' })),
    ]);
    await projection.caughtUp();
    expect(await scheduleOf(`task:${beforeDue}`)).toEqual({
      key: `task:${beforeDue}`, user_id: utcUser, kind: 'TASK_DUE', subject_id: beforeDue, occurrence: '2030-03-10', fire_at: new Date('2030-03-10T08:30:00.000Z'),
    });
    expect(await fireOf(`task:${oneOff}`)).toEqual({ occurrence: '2030-03-05T12:00:00.000Z', fireAt: '2030-03-05T12:00:00.000Z' });
    expect(await scheduleOf(`task:${noReminder}`)).toBeUndefined();
    // every task has its plan, so a reminder set later knows the occurrences completed before it
    expect(await reminderOf(noReminder)).toEqual({ completed: false, completed_occurrences: [] });
  });

  it('moves the reminder with the task, and drops it when the task is completed or the reminder removed', async () => {
    await projection.append([taskCreated(moved, utcUser, plan({ reminderMinutesBefore: 60 }))]);
    await projection.caughtUp();
    expect(await fireOf(`task:${moved}`)).toEqual({ occurrence: '2030-03-10', fireAt: '2030-03-10T08:00:00.000Z' });
    await projection.append([taskUpdated(moved, utcUser, plan({ date: '2030-03-12', dueTime: '14:15', reminderMinutesBefore: 60 }))]);
    await projection.caughtUp();
    expect(await fireOf(`task:${moved}`)).toEqual({ occurrence: '2030-03-12', fireAt: '2030-03-12T13:15:00.000Z' });
    await projection.append([taskCompleted(moved, utcUser, null)]);
    await projection.caughtUp();
    expect(await fireOf(`task:${moved}`)).toBeUndefined();
    await projection.append([taskReopened(moved, utcUser, null)]);
    await projection.caughtUp();
    expect(await fireOf(`task:${moved}`)).toEqual({ occurrence: '2030-03-12', fireAt: '2030-03-12T13:15:00.000Z' });
    await projection.append([taskUpdated(noReminder, utcUser, plan({ reminderMinutesBefore: 0, dueTime: null }))]);
    await projection.caughtUp();
    expect(await fireOf(`task:${noReminder}`)).toEqual({ occurrence: '2030-03-10', fireAt: '2030-03-10T09:00:00.000Z' }); // 09:00 without a dueTime
    await projection.append([taskUpdated(noReminder, utcUser, plan({}))]);
    await projection.caughtUp();
    expect(await fireOf(`task:${noReminder}`)).toBeUndefined();
  });

  it('schedules a recurring task’s next occurrence that is not completed', async () => {
    await projection.append([taskCreated(recurring, utcUser, plan({ date: '2030-03-02', dueTime: '07:45', recurrence: 'FREQ=DAILY', reminderMinutesBefore: 15 }))]);
    await projection.caughtUp();
    expect(await fireOf(`task:${recurring}`)).toEqual({ occurrence: '2030-03-02', fireAt: '2030-03-02T07:30:00.000Z' });
    await projection.append([taskCompleted(recurring, utcUser, '2030-03-02'), taskCompleted(recurring, utcUser, '2030-03-03')]);
    await projection.caughtUp();
    expect(await reminderOf(recurring)).toEqual({ completed: false, completed_occurrences: ['2030-03-02', '2030-03-03'] });
    expect(await fireOf(`task:${recurring}`)).toEqual({ occurrence: '2030-03-04', fireAt: '2030-03-04T07:30:00.000Z' });
    await projection.append([taskReopened(recurring, utcUser, '2030-03-03')]);
    await projection.caughtUp();
    expect(await fireOf(`task:${recurring}`)).toEqual({ occurrence: '2030-03-03', fireAt: '2030-03-03T07:30:00.000Z' });
  });

  it('removes a deleted task’s plan and its schedule row', async () => {
    await projection.append([taskCreated(doomed, utcUser, plan({ reminderMinutesBefore: 5 }))]);
    await projection.caughtUp();
    expect(await scheduleOf(`task:${doomed}`)).toBeDefined();
    await projection.append([taskDeleted(doomed, utcUser)]);
    await projection.caughtUp();
    expect(await scheduleOf(`task:${doomed}`)).toBeUndefined();
    expect(await reminderOf(doomed)).toBeUndefined();
  });

  it('computes in the user’s time zone, and rescheduleUser recomputes every row of the user when preferences change', async () => {
    const berlinTask = randomUUID();
    await projection.read.query(`INSERT INTO notification_preferences (user_id, time_zone, updated_at) VALUES ($1, 'Europe/Berlin', $2)`, [berlinUser, occurredAt]);
    // 2030-03-31 is the day Berlin moves to summer time: 09:00 CEST is 07:00Z
    await projection.append([taskCreated(berlinTask, berlinUser, plan({ date: '2030-03-30', recurrence: 'FREQ=DAILY', reminderMinutesBefore: 0 })), taskCompleted(berlinTask, berlinUser, '2030-03-30')]);
    await projection.caughtUp();
    expect(await fireOf(`task:${berlinTask}`)).toEqual({ occurrence: '2030-03-31', fireAt: '2030-03-31T07:00:00.000Z' });

    const now = new Date('2030-03-29T12:00:00.000Z'); // a Friday
    await withTransaction(projection.read, async (tx) => {
      await tx.query(`UPDATE notification_preferences SET time_zone = 'Asia/Tokyo', journal_prompt_at = '21:30', weekly_reflection_on = 7 WHERE user_id = $1`, [berlinUser]);
      await rescheduleUser(tx, berlinUser, now);
    });
    expect(await fireOf(`task:${berlinTask}`)).toEqual({ occurrence: '2030-03-31', fireAt: '2030-03-31T00:00:00.000Z' }); // 09:00 JST
    expect(await scheduleOf(`prompt:${berlinUser}`)).toMatchObject({ kind: 'JOURNAL_PROMPT', subject_id: null, occurrence: '2030-03-29', fire_at: new Date('2030-03-29T12:30:00.000Z') });
    expect(await scheduleOf(`weekly:${berlinUser}`)).toMatchObject({ kind: 'WEEKLY_REFLECTION', occurrence: '2030-03-31', fire_at: new Date('2030-03-31T09:00:00.000Z') });
    // another user's rows are not touched
    expect(await fireOf(`task:${beforeDue}`)).toEqual({ occurrence: '2030-03-10', fireAt: '2030-03-10T08:30:00.000Z' });

    await withTransaction(projection.read, async (tx) => {
      await tx.query(`UPDATE notification_preferences SET journal_prompt_at = NULL, weekly_reflection_on = NULL WHERE user_id = $1`, [berlinUser]);
      await rescheduleUser(tx, berlinUser, now);
    });
    expect(await scheduleOf(`prompt:${berlinUser}`)).toBeUndefined();
    expect(await scheduleOf(`weekly:${berlinUser}`)).toBeUndefined();
    expect(await fireOf(`task:${berlinTask}`)).toEqual({ occurrence: '2030-03-31', fireAt: '2030-03-31T00:00:00.000Z' });
  });
});

describe('the user’s schedule lock', () => {
  // The lock alone (what rescheduleUser takes first): a transaction that also wrote would hold an xid, and the
  // embedded log reads no outbox row newer than a running transaction, so the event would not even be read.
  it('holds a task event of the user back while a transaction holds rescheduleUser’s lock (one lock, one key)', async () => {
    const task = randomUUID();
    const client = await projection.read.connect();
    try {
      await client.query('BEGIN');
      await lockUserSchedule(client, utcUser);
      await projection.append([taskCreated(task, utcUser, plan({ reminderMinutesBefore: 1 }))]);
      // the projector's transaction waits for this one's advisory lock (not merely slow)
      const waiting = async () =>
        (await projection.read.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'notifications-projector'
             AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
        )).rowCount;
      await expect.poll(waiting, { timeout: 10_000, interval: 100 }).toBe(1);
      expect(await scheduleOf(`task:${task}`)).toBeUndefined();
    } finally {
      await client.query('COMMIT').catch(() => undefined);
      client.release();
    }
    await projection.caughtUp();
    expect(await fireOf(`task:${task}`)).toEqual({ occurrence: '2030-03-10', fireAt: '2030-03-10T08:59:00.000Z' });
  });
});

describe('reflection_entries', () => {
  const journal = randomUUID();
  const doomedJournal = randomUUID();
  const [kept, early, deleted, inDoomed] = Array.from({ length: 4 }, () => randomUUID()) as [string, string, string, string];
  const entryCreated = (entryId: string, journalId: string, content: string) =>
    fact(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId, journalId, title: null, content, mood: 'CALM', createdAt: occurredAt } }), utcUser);
  const insights = (entryId: string, themes: string[], sentiment: number, analysed = true) =>
    fact(sampleEvent('AIInsightsGenerated', { payload: { ...samplePayloads.AIInsightsGenerated, entryId, themes, sentiment, analysed, generatedAt: occurredAt } }), utcUser);
  const entryOf = async (entryId: string) =>
    (await projection.read.query('SELECT content, mood, themes, sentiment FROM reflection_entries WHERE entry_id = $1', [entryId])).rows[0] as Record<string, unknown> | undefined;

  it('keeps each entry with its latest insights, whichever stream comes first', async () => {
    await projection.append([
      entryCreated(kept, journal, 'A walk by the river.'),
      insights(kept, ['nature'], 0.5),
      insights(early, ['work', 'deadline'], -0.25), // before its entry
      entryCreated(early, journal, 'Long day at work.'),
    ]);
    await projection.caughtUp();
    expect(await entryOf(kept)).toEqual({ content: 'A walk by the river.', mood: 'CALM', themes: ['nature'], sentiment: 0.5 });
    expect(await entryOf(early)).toEqual({ content: 'Long day at work.', mood: 'CALM', themes: ['work', 'deadline'], sentiment: -0.25 });
  });

  it('follows edits, moods and re-analyses; a text the analyzer could not read has no sentiment', async () => {
    await projection.append([
      fact(sampleEvent('JournalEntryUpdated', {
        payload: { ...samplePayloads.JournalEntryUpdated, entryId: kept, journalId: journal, title: 'River', content: 'A long walk by the river.', mood: 'GOOD', changedFields: ['content'], updatedAt: occurredAt },
      }), utcUser),
      fact(sampleEvent('MoodRecorded', { payload: { entryId: kept, mood: 'GRATEFUL', recordedAt: occurredAt } }), utcUser),
      insights(kept, [], 0, false),
    ]);
    await projection.caughtUp();
    expect(await entryOf(kept)).toEqual({ content: 'A long walk by the river.', mood: 'GRATEFUL', themes: [], sentiment: null });
  });

  it('remembers each author’s plan from their entry events (the weekly reflection by Claude is for premium ones), the latest winning', async () => {
    const author = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    const at = (event: AnyEvent, when: string): AnyEvent => ({ ...fact(event, author), occurredAt: when });
    const planOf = async () => (await projection.read.query<{ plan: string }>('SELECT plan FROM reflection_authors WHERE user_id = $1', [author])).rows;
    await projection.append([
      at(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId: first, journalId: journal, content: 'one', createdAt: occurredAt, authorPlan: 'free' } }), '2030-03-01T10:00:00.000Z'),
      at(sampleEvent('JournalEntryCreated', { payload: { ...samplePayloads.JournalEntryCreated, entryId: second, journalId: journal, content: 'two', createdAt: occurredAt, authorPlan: 'premium' } }), '2030-03-01T11:00:00.000Z'),
    ]);
    await projection.caughtUp();
    expect(await planOf()).toEqual([{ plan: 'premium' }]);
    // an older event (a replay, a late stream) does not take it back; an event without authorPlan says nothing
    await projection.append([
      at(sampleEvent('JournalEntryUpdated', {
        payload: { ...samplePayloads.JournalEntryUpdated, entryId: first, journalId: journal, content: 'one, edited', changedFields: ['content'], updatedAt: occurredAt, authorPlan: 'free' },
      }), '2030-03-01T09:00:00.000Z'),
      at(sampleEvent('JournalEntryUpdated', {
        payload: { ...samplePayloads.JournalEntryUpdated, entryId: second, journalId: journal, content: 'two, edited', changedFields: ['content'], updatedAt: occurredAt },
      }), '2030-03-01T12:00:00.000Z'),
    ]);
    await projection.caughtUp();
    expect(await planOf()).toEqual([{ plan: 'premium' }]);
  });

  it('remembers whether each user wants AI insights (the weekly reflection by Claude only when they do), the setting’s latest version winning', async () => {
    const user = randomUUID();
    const setting = (enabled: boolean) => fact(sampleEvent('InsightsSettingChanged', { payload: { userId: user, enabled, changedAt: occurredAt } }), user);
    const settingOf = async () => (await projection.read.query<{ insights_enabled: boolean; version: number }>(
      'SELECT insights_enabled, version FROM reflection_insights_settings WHERE user_id = $1', [user])).rows;
    expect(await settingOf()).toEqual([]);
    await projection.append([setting(false), setting(true), setting(false)]);
    await projection.caughtUp();
    expect(await settingOf()).toEqual([{ insights_enabled: false, version: 3 }]);
    // an older version again (a replay) does not take it back
    const replayed = sampleEvent('InsightsSettingChanged', { userId: user, aggregateVersion: 1, occurredAt, payload: { userId: user, enabled: true, changedAt: occurredAt } });
    await withTransaction(projection.read, (tx) => reflectionEntries.handlers.InsightsSettingChanged!(replayed, tx));
    expect(await settingOf()).toEqual([{ insights_enabled: false, version: 3 }]);
  });

  it('drops deleted entries and the entries of a deleted journal, even when later events of theirs come after', async () => {
    await projection.append([
      entryCreated(deleted, journal, 'Soon gone.'),
      fact(sampleEvent('JournalEntryDeleted', { payload: { entryId: deleted, journalId: journal, deletedAt: occurredAt } }), utcUser),
      insights(deleted, ['late'], 0.1), // after the deletion: must not bring it back
      fact(sampleEvent('JournalDeleted', { payload: { journalId: doomedJournal, deletedAt: occurredAt } }), utcUser),
      entryCreated(inDoomed, doomedJournal, 'Written in a journal deleted before this event arrived.'),
    ]);
    await projection.caughtUp();
    expect(await entryOf(deleted)).toBeUndefined();
    expect(await entryOf(inDoomed)).toBeUndefined();
    expect(await entryOf(early)).toBeDefined();
  });
});

describe('exactly once', () => {
  /** Everything the projection keeps (a replay sets updated_at from the events, so it is left out). */
  const tables = async () => {
    const read = async (sql: string) => (await projection.read.query<Record<string, unknown>>(sql)).rows;
    return {
      recipients: await read('SELECT * FROM notification_recipients ORDER BY user_id'),
      reminders: await read('SELECT * FROM task_reminders ORDER BY task_id'),
      schedule: await read('SELECT key, user_id, kind, subject_id, occurrence, fire_at FROM scheduled_notifications ORDER BY key'),
      entries: await read('SELECT * FROM reflection_entries ORDER BY entry_id'),
      insights: await read('SELECT * FROM reflection_insights ORDER BY entry_id'),
      deletedJournals: await read('SELECT * FROM reflection_deleted_journals ORDER BY journal_id'),
    };
  };

  it('applies nothing when the whole log is delivered again', async () => {
    const before = await tables();
    expect(before.schedule.length).toBeGreaterThan(3);
    expect(await projection.redeliverEverything()).toBe(0);
    expect(await tables()).toEqual(before);
  });

  it('gives the same tables when replayed over its own rows and into empty tables', async () => {
    const before = await tables();
    const forgetVersions = () => projection.read.query(`DELETE FROM projection_versions WHERE projection = $1`, [notificationsProjection]);
    await projection.restart(async () => {
      await forgetVersions();
    });
    await projection.caughtUp();
    expect(await tables()).toEqual(before);
    await projection.restart(async () => {
      await forgetVersions();
      await projection.read.query(
        `DELETE FROM notification_recipients; DELETE FROM task_reminders; DELETE FROM scheduled_notifications WHERE key LIKE 'task:%';
         DELETE FROM reflection_entries; DELETE FROM reflection_insights; DELETE FROM reflection_deleted_journals`,
      );
    });
    await projection.caughtUp();
    expect(await tables()).toEqual(before);
  });
});
