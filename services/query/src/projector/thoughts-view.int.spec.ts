import { randomUUID } from 'node:crypto';
import type { AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';

let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('thoughts_view');
});
afterAll(async () => projection?.close());

const owner = randomUUID();
const thoughtId = randomUUID();
const at = (minute: number) => `2030-04-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const fact = (event: AnyEvent, version: number) => ({ ...event, eventId: randomUUID(), aggregateVersion: version, userId: owner });

const history: AnyEvent[] = [
  fact(sampleEvent('ThoughtCaptured', { payload: { thoughtId, text: 'Seeds', tags: ['garden'], capturedAt: at(0) } }), 1),
  fact(sampleEvent('ThoughtUpdated', { payload: { thoughtId, text: 'Seeds: tomatoes', tags: ['garden', 'spring'], changedFields: ['text', 'tags'], updatedAt: at(5) } }), 2),
];

const row = async () =>
  (await projection.read.query<{ owner_id: string; text: string; tags: string[]; version: number; created_at: Date; updated_at: Date; deleted_at: Date | null }>(
    'SELECT owner_id, text, tags, version, created_at, updated_at, deleted_at FROM thoughts_view WHERE thought_id = $1', [thoughtId])).rows[0];

describe('thoughts_view', () => {
  it('holds a captured then updated thought', async () => {
    await projection.append(history);
    await projection.caughtUp();
    expect(await row()).toEqual({
      owner_id: owner, text: 'Seeds: tomatoes', tags: ['garden', 'spring'], version: 2,
      created_at: new Date(at(0)), updated_at: new Date(at(5)), deleted_at: null,
    });
  });

  it('soft-deletes it', async () => {
    const deleted = fact(sampleEvent('ThoughtDeleted', { payload: { thoughtId, deletedAt: at(9) } }), 3);
    await projection.append([deleted]);
    history.push(deleted);
    await projection.caughtUp();
    expect(await row()).toMatchObject({ version: 3, deleted_at: new Date(at(9)), text: 'Seeds: tomatoes' });
  });

  it('applies every event once: the whole log delivered again changes nothing', async () => {
    const before = (await projection.read.query('SELECT * FROM thoughts_view ORDER BY thought_id')).rows;
    expect(await projection.redeliverEverything()).toBe(0);
    expect((await projection.read.query('SELECT * FROM thoughts_view ORDER BY thought_id')).rows).toEqual(before);
  });
});
