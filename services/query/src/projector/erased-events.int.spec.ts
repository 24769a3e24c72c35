import { randomUUID } from 'node:crypto';
import { ERASED, type AnyEvent } from '@mindflow/events';
import { sampleEvent } from '@mindflow/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedProjection, type EmbeddedProjection } from './test/embedded-projection.js';

// Crypto-shredding (issue 16): the outbox holds the events' personal fields sealed; once the owner's key is destroyed,
// a replay of the whole log projects their events with every personal field erased, and nothing of their words
// comes back into any table of the read DB. Another user's rows are untouched.
let projection: EmbeddedProjection;
beforeAll(async () => {
  projection = await embeddedProjection('erased_events');
});
afterAll(async () => projection?.close());

const [erased, kept] = [randomUUID(), randomUUID()];
const marker = `Wombat${erased.slice(0, 6)}`;
const at = '2030-04-01T10:00:00.000Z';

function thought(owner: string, text: string, tag: string): AnyEvent {
  const thoughtId = randomUUID();
  return sampleEvent('ThoughtCaptured', { userId: owner, eventId: randomUUID(), aggregateId: thoughtId, payload: { thoughtId, text, tags: [tag], capturedAt: at } });
}
function task(owner: string, title: string): AnyEvent {
  const taskId = randomUUID();
  const base = sampleEvent('TaskCreated').payload;
  return sampleEvent('TaskCreated', { userId: owner, eventId: randomUUID(), aggregateId: taskId, payload: { ...base, taskId, title, description: `more about ${title}`, category: title } });
}

/** Every row of every table of the read DB, as text. */
async function everything(): Promise<string> {
  const { rows: tables } = await projection.read.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`);
  const parts: string[] = [];
  for (const { name } of tables) parts.push(...(await projection.read.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)).rows.map((r) => r.row));
  return parts.join('\n');
}

describe('events of an erased user', () => {
  it('replay into empty tables with the personal fields erased: nothing of the user readable, others untouched', async () => {
    const mine = [thought(erased, `Only I know ${marker}`, marker.toLowerCase()), task(erased, `Call ${marker}`)];
    const theirs = thought(kept, 'Buy bread', 'errands');
    await projection.append([...mine, theirs]);
    await projection.caughtUp();
    expect(await everything()).toContain(marker);

    await projection.keys.destroy(erased);
    await projection.restart(async () => {
      await projection.read.query('DELETE FROM projection_versions');
      await projection.read.query('TRUNCATE thoughts_view, tasks_view');
    });
    await projection.caughtUp();

    expect(await everything()).not.toMatch(new RegExp(marker, 'i'));
    const thoughts = await projection.read.query<{ owner_id: string; text: string; tags: string[] }>('SELECT owner_id, text, tags FROM thoughts_view ORDER BY owner_id = $1', [kept]);
    expect(thoughts.rows.filter((r) => r.owner_id === erased).every((r) => r.text === ERASED && r.tags.length === 0)).toBe(true);
    expect(thoughts.rows.find((r) => r.owner_id === kept)).toEqual({ owner_id: kept, text: 'Buy bread', tags: ['errands'] });
  });
});
