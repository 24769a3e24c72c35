import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';

let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('calendar_events_view');
});
afterAll(async () => projection?.close());

const owner = randomUUID();
const eventId = randomUUID();
const fact = (event: AnyEvent, version: number) => ({ ...event, eventId: randomUUID(), aggregateVersion: version, userId: owner });
const scheduled = {
  calendarEventId: eventId, title: 'Choir', startsAt: '2030-05-06T18:00:00.000Z', endsAt: '2030-05-06T20:00:00.000Z',
  recurrence: 'FREQ=WEEKLY;UNTIL=20300527', scheduledAt: '2030-04-01T10:00:00.000Z',
};

const row = async () =>
  (await projection.read.query<{
    owner_id: string; title: string; starts_at: Date; ends_at: Date; recurrence: string | null; last_ends_at: Date; version: number; cancelled_at: Date | null;
  }>('SELECT owner_id, title, starts_at, ends_at, recurrence, last_ends_at, version, cancelled_at FROM calendar_events_view WHERE event_id = $1', [eventId])).rows[0];

describe('calendar_events_view', () => {
  it('holds a scheduled event with when its last occurrence ends', async () => {
    await projection.append([fact(sampleEvent('CalendarEventScheduled', { payload: scheduled }), 1)]);
    await projection.caughtUp();
    expect(await row()).toEqual({
      owner_id: owner, title: 'Choir', starts_at: new Date(scheduled.startsAt), ends_at: new Date(scheduled.endsAt),
      recurrence: 'FREQ=WEEKLY;UNTIL=20300527', last_ends_at: new Date('2030-05-20T20:00:00.000Z'), version: 1, cancelled_at: null,
    });
  });

  it('follows an update (the contract has one) and a cancellation', async () => {
    const { scheduledAt: _at, ...state } = scheduled;
    await projection.append([
      fact(sampleEvent('CalendarEventUpdated', { payload: { ...state, recurrence: null, title: 'Choir (once)', changedFields: ['title', 'recurrence'], updatedAt: '2030-04-02T10:00:00.000Z' } }), 2),
      fact(sampleEvent('CalendarEventCancelled', { payload: { calendarEventId: eventId, cancelledAt: '2030-04-03T10:00:00.000Z' } }), 3),
    ]);
    await projection.caughtUp();
    expect(await row()).toMatchObject({
      title: 'Choir (once)', recurrence: null, last_ends_at: new Date(scheduled.endsAt), version: 3, cancelled_at: new Date('2030-04-03T10:00:00.000Z'),
    });
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const before = (await projection.read.query('SELECT * FROM calendar_events_view ORDER BY event_id')).rows;
    expect(await projection.redeliverEverything()).toBe(0);
    expect((await projection.read.query('SELECT * FROM calendar_events_view ORDER BY event_id')).rows).toEqual(before);
  });
});
