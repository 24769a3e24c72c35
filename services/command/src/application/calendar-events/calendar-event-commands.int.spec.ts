import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaller } from '../../test/callers.js';
import { countRows, migratedWriteDb, outboxRows, type TestWriteDb } from '../../test/write-db.js';
import { written } from '../../test/written.js';
import { commandEnvironment } from '../../adapters/pg/pg-command-store.js';
import type { CommandEnvironment } from '../command-environment.js';
import { cancelEvent } from './cancel-event.js';
import { scheduleEvent } from './schedule-event.js';

let db: TestWriteDb;
let environment: CommandEnvironment;

beforeAll(async () => {
  db = await migratedWriteDb('command_calendar');
  environment = commandEnvironment(db.pool);
});
afterAll(async () => db?.drop());

const standup = { title: 'Stand-up', startsAt: '2030-03-04T09:00:00+01:00', endsAt: '2030-03-04T09:15:00+01:00', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' };

describe('calendar event commands against the write DB', () => {
  it('schedules: the row, its recurrence and CalendarEventScheduled commit together', async () => {
    const caller = newCaller();
    const { state: event } = written(await scheduleEvent(environment, caller, standup));
    expect(event).toMatchObject({ startsAt: '2030-03-04T08:00:00.000Z', endsAt: '2030-03-04T08:15:00.000Z', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', version: 1 });
    expect(await countRows(db.pool, 'calendar_event_recurrences', 'calendar_event_id = $1', [event.id])).toBe(1);
    expect(await outboxRows(db.pool, event.id)).toEqual([
      expect.objectContaining({
        event_type: 'CalendarEventScheduled',
        user_id: caller.userId,
        payload: { calendarEventId: event.id, title: 'Stand-up', startsAt: event.startsAt, endsAt: event.endsAt, recurrence: event.recurrence, scheduledAt: event.createdAt },
      }),
    ]);
  });

  it('refuses an end before the start and a bad rule, naming the field, and writes nothing', async () => {
    const caller = newCaller();
    expect(await scheduleEvent(environment, caller, { ...standup, endsAt: '2030-03-04T07:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });
    expect(await scheduleEvent(environment, caller, { ...standup, recurrence: 'FREQ=WEEKLY;BYDAY=FUNDAY' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recurrence' });
    expect(await countRows(db.pool, 'calendar_events', 'owner_id = $1', [caller.userId])).toBe(0);
  });

  it("cancels once, and answers NOT_FOUND for another user's event", async () => {
    const owner = newCaller();
    const { state: event } = written(await scheduleEvent(environment, owner, standup));
    expect(await cancelEvent(environment, newCaller(), event.id)).toMatchObject({ code: 'NOT_FOUND' });
    expect(written(await cancelEvent(environment, owner, event.id)).state).toMatchObject({ version: 2, cancelledAt: expect.any(String) });
    expect(await cancelEvent(environment, owner, event.id)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await outboxRows(db.pool, event.id)).map((r) => r.event_type)).toEqual(['CalendarEventScheduled', 'CalendarEventCancelled']);
  });

  it('schedules once per idempotency key', async () => {
    const caller = newCaller({ idempotencyKey: 'event-retry' });
    const [a, b] = await Promise.all([scheduleEvent(environment, caller, standup), scheduleEvent(environment, caller, standup)]);
    expect(written(a).state.id).toBe(written(b).state.id);
    expect(await countRows(db.pool, 'calendar_events', 'owner_id = $1', [caller.userId])).toBe(1);
  });
});
